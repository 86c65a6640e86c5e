package io.starlingmq.gateway.validation;

import static io.starlingmq.gateway.support.MqttBytes.V311;
import static io.starlingmq.gateway.support.MqttBytes.V5;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.starlingmq.gateway.support.Decoded;
import io.starlingmq.gateway.support.MqttBytes;
import org.junit.jupiter.api.Test;

class PublishValidatorTest {

    private final PublishValidator validator = new PublishValidator();

    private int validate(int version, byte[] publish) {
        MqttMessage message = Decoded.after(MqttBytes.connect(version, "p", 0, true), publish);
        assertThat(message.decoderResult().isSuccess()).isTrue();
        try {
            return validator.validate((MqttPublishMessage) message, version == V5);
        } finally {
            ((MqttPublishMessage) message).release();
        }
    }

    @Test
    void acceptsQos0AndQos1ToAPlainTopic() {
        assertThat(validate(V311, MqttBytes.publish(V311, "a/b", 0, 0, new byte[] {1}))).isEqualTo(ReasonCode.SUCCESS);
        assertThat(validate(V5, MqttBytes.publish(V5, "a/b", 1, 5, new byte[] {1}))).isEqualTo(ReasonCode.SUCCESS);
    }

    @Test
    void rejectsAnEmptyTopic() {
        assertThat(validate(V5, MqttBytes.publish(V5, "", 0, 0, new byte[0]))).isEqualTo(ReasonCode.TOPIC_NAME_INVALID);
    }

    @Test
    void rejectsATopicContainingNul() {
        assertThat(validate(V311, MqttBytes.publish(V311, "a\u0000b", 0, 0, new byte[0])))
                .isEqualTo(ReasonCode.TOPIC_NAME_INVALID);
    }

    @Test
    void acceptsQos2() {
        assertThat(validate(V5, MqttBytes.publish(V5, "a", 2, 1, new byte[0]))).isEqualTo(ReasonCode.SUCCESS);
    }

    @Test
    void wildcardTopicsAreRejectedByTheCodecItself() {
        MqttMessage message = Decoded.after(MqttBytes.connect(V5, "p", 0, true),
                MqttBytes.publish(V5, "a/+", 0, 0, new byte[0]));
        assertThat(message.decoderResult().isFailure()).isTrue();
        assertThat(TopicRules.validTopicName("a/+")).isFalse();
        assertThat(TopicRules.validTopicName("a/#")).isFalse();
    }
}
