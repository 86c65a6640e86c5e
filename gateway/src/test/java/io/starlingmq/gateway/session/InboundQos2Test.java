package io.starlingmq.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InboundQos2Test {

    @Test
    void aReceivedIdStaysUntilPubrel() {
        InboundQos2 qos2 = new InboundQos2(4);
        qos2.markReceived(7);

        assertThat(qos2.isReceived(7)).isTrue();
        assertThat(qos2.forget(7)).isTrue();
        assertThat(qos2.isReceived(7)).isFalse();
        assertThat(qos2.forget(7)).isFalse();
    }

    @Test
    void receivedAndReleasingIdsTogetherAreBounded() {
        InboundQos2 qos2 = new InboundQos2(2);
        qos2.markReceived(1);
        qos2.startRelease(2);

        assertThat(qos2.markReceived(3)).isFalse();
        assertThat(qos2.markReceived(1)).as("an id already received takes no new room").isTrue();
        assertThat(qos2.releaseDone(2)).isTrue();
        assertThat(qos2.markReceived(3)).isTrue();
    }

    @Test
    void aReleaseIsForwardedOnceUntilItsAnswerCame() {
        InboundQos2 qos2 = new InboundQos2(4);

        assertThat(qos2.startRelease(5)).isTrue();
        assertThat(qos2.startRelease(5)).isFalse();
        assertThat(qos2.releaseDone(5)).isTrue();
        assertThat(qos2.releaseDone(5)).isFalse();
    }
}
