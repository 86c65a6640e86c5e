package io.starlingmq.router.routing;

import io.starlingmq.contract.link.v1.Message;
import io.starlingmq.contract.link.v1.MessageProperties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageExpiryTest {

    private static final long RECEIVED = 1_700_000_000_000L;

    private static Message expiringIn(int seconds) {
        return Message.newBuilder().setTopic("t").setQos(1)
                .setProperties(MessageProperties.newBuilder().setMessageExpiryInterval(seconds)).build();
    }

    @Test
    void theRouterStampsTheDeadlineOnReceipt() {
        assertThat(MessageExpiry.received(expiringIn(30), RECEIVED).getExpiresAtMs()).isEqualTo(RECEIVED + 30_000);
    }

    @Test
    void aMessageWithoutAnIntervalNeverExpiresAndIsNotCopied() {
        Message plain = Message.newBuilder().setTopic("t").build();

        assertThat(MessageExpiry.received(plain, RECEIVED)).isSameAs(plain);
        assertThat(MessageExpiry.received(plain.toBuilder().setExpiresAtMs(RECEIVED).build(), RECEIVED)
                .getExpiresAtMs()).as("a deadline without an interval is not the publisher's to set")
                .isEqualTo(MessageExpiry.NEVER);
        assertThat(MessageExpiry.delivered(plain, RECEIVED + 5_000)).isSameAs(plain);
        assertThat(MessageExpiry.expiredAt(plain, Long.MAX_VALUE)).isFalse();
    }

    @Test
    void aMessageRoutedAgainCountsItsExpiryFromNow() {
        Message first = MessageExpiry.received(expiringIn(30), RECEIVED);

        assertThat(MessageExpiry.received(first, RECEIVED + 60_000).getExpiresAtMs()).isEqualTo(RECEIVED + 90_000);
    }

    @Test
    @DisplayName("[MQTT-3.3.2-6] a delivery carries the interval left, in whole seconds rounded up")
    void aDeliveryCarriesTheRemainingIntervalRoundedUp() {
        Message routed = MessageExpiry.received(expiringIn(30), RECEIVED);

        Message delivered = MessageExpiry.delivered(routed, RECEIVED + 10_001);

        assertThat(delivered.getExpiresAtMs()).isEqualTo(RECEIVED + 30_000);
        assertThat(delivered.getProperties().getMessageExpiryInterval()).isEqualTo(20);
        assertThat(MessageExpiry.delivered(routed, RECEIVED + 31_000).getProperties().getMessageExpiryInterval())
                .isZero();
    }

    @Test
    @DisplayName("[MQTT-3.3.2-5] a message is expired only after its deadline")
    void aMessageExpiresAfterItsDeadline() {
        Message routed = MessageExpiry.received(expiringIn(30), RECEIVED);

        assertThat(MessageExpiry.expiredAt(routed, RECEIVED + 30_000)).isFalse();
        assertThat(MessageExpiry.expiredAt(routed, RECEIVED + 30_001)).isTrue();
    }

    @Test
    void aReturnedMessageKeepsItsDeadline() {
        Message delivered = MessageExpiry.delivered(MessageExpiry.received(expiringIn(30), RECEIVED),
                RECEIVED + 10_500);

        Message returned = MessageExpiry.returned(delivered, RECEIVED + 12_000);

        assertThat(returned.getExpiresAtMs()).isEqualTo(RECEIVED + 30_000);
        assertThat(MessageExpiry.receivedAt(returned, 0)).as("deadline less the interval it carries")
                .isEqualTo(RECEIVED + 10_000);
        assertThat(MessageExpiry.expiredAt(returned, RECEIVED + 30_001)).isTrue();
    }

    @Test
    void aReturnedMessageWithADeadlineButNoIntervalGetsTheIntervalLeft() {
        Message returned = MessageExpiry.returned(Message.newBuilder().setTopic("t")
                .setExpiresAtMs(RECEIVED + 30_000).build(), RECEIVED + 12_500);

        assertThat(returned.getProperties().getMessageExpiryInterval()).isEqualTo(18);
        assertThat(returned.getExpiresAtMs()).isEqualTo(RECEIVED + 30_000);
    }
}
