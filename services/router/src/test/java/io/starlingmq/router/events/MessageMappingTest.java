package io.starlingmq.router.events;

import io.starlingmq.contract.link.v1.Message;
import io.starlingmq.contract.link.v1.MessageProperties;
import io.starlingmq.store.StoredMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageMappingTest {

    private static final long RECEIVED = 1_700_000_000_000L;

    private static Message expiringIn(int seconds) {
        return Message.newBuilder().setTopic("t").setQos(1)
                .setProperties(MessageProperties.newBuilder().setMessageExpiryInterval(seconds)).build();
    }

    @Test
    void theRouterStampsTheDeadlineOnReceipt() {
        StoredMessage stored = MessageMapping.toStored(expiringIn(30), RECEIVED);

        assertThat(stored.expiresAtMillis()).isEqualTo(RECEIVED + 30_000);
        assertThat(MessageMapping.toStored(Message.newBuilder().setTopic("t").build(), RECEIVED).expiresAtMillis())
                .isEqualTo(StoredMessage.NEVER);
    }

    @Test
    @DisplayName("[MQTT-3.3.2-6] a delivery carries the interval left, in whole seconds rounded up")
    void aDeliveryCarriesTheRemainingIntervalRoundedUp() {
        StoredMessage stored = MessageMapping.toStored(expiringIn(30), RECEIVED);

        Message delivered = MessageMapping.toDelivered(stored, RECEIVED + 10_001);

        assertThat(delivered.getExpiresAtMs()).isEqualTo(RECEIVED + 30_000);
        assertThat(delivered.getProperties().getMessageExpiryInterval()).isEqualTo(20);
        assertThat(MessageMapping.toDelivered(stored, RECEIVED + 31_000).getProperties().getMessageExpiryInterval())
                .isZero();
    }

    @Test
    void aReturnedMessageKeepsItsDeadline() {
        Message delivered = MessageMapping.toDelivered(MessageMapping.toStored(expiringIn(30), RECEIVED),
                RECEIVED + 10_500);

        StoredMessage returned = MessageMapping.toStoredReturned(delivered, RECEIVED + 12_000);

        assertThat(returned.expiresAtMillis()).isEqualTo(RECEIVED + 30_000);
        assertThat(returned.expiredAt(RECEIVED + 30_001)).isTrue();
    }
}
