package io.starlingmq.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.starlingmq.gateway.auth.AuthConfig.PublishDenied;
import org.junit.jupiter.api.Test;

class DeniedPublishTest {

    @Test
    void mqtt5AnswersNotAuthorizedForQos1And2AndDropsQos0WhateverTheV3Setting() {
        for (PublishDenied setting : PublishDenied.values()) {
            assertThat(DeniedPublish.of(5, 0, setting)).isEqualTo(DeniedPublish.DROP_SILENTLY);
            assertThat(DeniedPublish.of(5, 1, setting)).isEqualTo(DeniedPublish.ANSWER_NOT_AUTHORIZED);
            assertThat(DeniedPublish.of(5, 2, setting)).isEqualTo(DeniedPublish.ANSWER_NOT_AUTHORIZED);
        }
    }

    @Test
    void mqtt311InDropModeAcknowledgesAndDrops() {
        assertThat(DeniedPublish.of(4, 0, PublishDenied.DROP)).isEqualTo(DeniedPublish.DROP_SILENTLY);
        assertThat(DeniedPublish.of(4, 1, PublishDenied.DROP)).isEqualTo(DeniedPublish.ACKNOWLEDGE_AND_DROP);
        assertThat(DeniedPublish.of(3, 2, PublishDenied.DROP)).isEqualTo(DeniedPublish.ACKNOWLEDGE_AND_DROP);
    }

    @Test
    void mqtt311InDisconnectModeDisconnectsAtAnyQos() {
        for (int qos = 0; qos <= 2; qos++) {
            assertThat(DeniedPublish.of(4, qos, PublishDenied.DISCONNECT)).isEqualTo(DeniedPublish.DISCONNECT);
        }
    }
}
