package io.starlingmq.router.events;

import com.google.protobuf.ByteString;
import io.starlingmq.contract.link.v1.Message;
import io.starlingmq.contract.link.v1.MessageProperties;
import io.starlingmq.contract.link.v1.UserProperty;
import io.starlingmq.router.routing.AddressedMessage;
import io.starlingmq.router.routing.MessageExpiry;
import io.starlingmq.store.StoredMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MessageMappingTest {

    private static final long RECEIVED = 1_700_000_000_000L;

    private static Message published() {
        return Message.newBuilder().setTopic("a/b").setPayload(ByteString.copyFrom("hello", StandardCharsets.UTF_8))
                .setQos(2).setRetain(true).setPublisher("pub")
                .setProperties(MessageProperties.newBuilder().setMessageExpiryInterval(30)
                        .setPayloadFormatIndicator(1).setContentType("text/plain").setResponseTopic("r")
                        .setCorrelationData(ByteString.copyFrom(new byte[] {7}))
                        .addUserProperties(UserProperty.newBuilder().setKey("k").setValue("v")))
                .build();
    }

    @Test
    void theStoresRecordCountsExpiryFromTheInstantTheRouterReceivedTheMessage() {
        Message routed = MessageExpiry.received(published(), RECEIVED);

        StoredMessage stored = MessageMapping.toStored(routed, RECEIVED + 5_000);

        assertThat(stored.receivedAtMillis()).isEqualTo(RECEIVED);
        assertThat(stored.expiresAtMillis()).isEqualTo(RECEIVED + 30_000);
        assertThat(MessageMapping.toStored(Message.newBuilder().setTopic("t").build(), RECEIVED).expiresAtMillis())
                .isEqualTo(StoredMessage.NEVER);
    }

    @Test
    void aMessageComesBackFromTheStoreAsItWentIn() {
        Message routed = MessageExpiry.received(published(), RECEIVED);

        Message back = MessageMapping.toMessage(MessageMapping.toStored(routed, RECEIVED));

        assertThat(back).isEqualTo(routed);
    }

    @Test
    void aRecordMadeTwiceFromOneMessageEncodesTheSame() {
        Message back = MessageMapping.toMessage(MessageMapping.toStored(MessageExpiry.received(published(), RECEIVED),
                RECEIVED));

        assertThat(MessageMapping.toStored(back, RECEIVED + 9_000))
                .as("an expired retained message is dropped from the store by its record")
                .usingRecursiveComparison()
                .isEqualTo(MessageMapping.toStored(back, RECEIVED));
    }

    @Test
    void aQueuedDeliveryKeepsWhatItWasAddressedWith() {
        Message routed = MessageExpiry.received(published(), RECEIVED);
        AddressedMessage addressed = new AddressedMessage(routed, 1, false, List.of(4, 9), "$share/g/a/b");

        StoredMessage queued = MessageMapping.toStored(MessageMapping.toStored(routed, RECEIVED), addressed);
        AddressedMessage back = MessageMapping.toAddressed(queued);

        assertThat(back.qos()).isEqualTo(1);
        assertThat(back.retain()).isFalse();
        assertThat(back.subscriptionIds()).containsExactly(4, 9);
        assertThat(back.sharedSubscription()).isEqualTo("$share/g/a/b");
        assertThat(back.message().getPayload()).isEqualTo(routed.getPayload());
        assertThat(back.message().getExpiresAtMs()).isEqualTo(RECEIVED + 30_000);
    }
}
