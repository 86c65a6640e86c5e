package io.starlingmq.router.routing;

import com.google.protobuf.ByteString;
import io.starlingmq.contract.link.v1.Message;
import io.starlingmq.router.index.Matches;
import io.starlingmq.store.Subscription;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OverlappingSubscriptionsTest {

    private static final Message RETAINED_QOS2 = Message.newBuilder().setTopic("a/b")
            .setPayload(ByteString.copyFrom("p", StandardCharsets.UTF_8)).setQos(2).setRetain(true).setPublisher("pub")
            .build();

    @Test
    @DisplayName("[MQTT-3.3.4-2] [MQTT-3.3.4-4] highest granted QoS and every identifier, once")
    void overlappingSubscriptionsMakeOneDeliveryWithTheHighestQosAndAllIdentifiers() {
        AddressedMessage addressed = OverlappingSubscriptions.address(RETAINED_QOS2, "pub", "sub", List.of(
                new Subscription("a/+", 0, false, false, 0, 3),
                new Subscription("a/#", 1, false, false, 0, 8),
                new Subscription("a/b", 0, false, false, 0, 0)));

        assertThat(addressed.qos()).isEqualTo(1);
        assertThat(addressed.subscriptionIds()).containsExactlyInAnyOrder(3, 8);
        assertThat(addressed.retain()).as("no Retain As Published subscription").isFalse();
        assertThat(addressed.sharedSubscription()).isNull();
    }

    @Test
    @DisplayName("[MQTT-3.3.1-12] Retain As Published on one matching subscription keeps RETAIN")
    void retainAsPublishedKeepsTheRetainFlag() {
        AddressedMessage addressed = OverlappingSubscriptions.address(RETAINED_QOS2, "pub", "sub", List.of(
                new Subscription("a/b", 2, false, true, 0, 0)));

        assertThat(addressed.retain()).isTrue();
        assertThat(addressed.qos()).isEqualTo(2);
    }

    @Test
    @DisplayName("[MQTT-3.8.3-3] No Local subscriptions do not deliver the client's own messages")
    void noLocalSubscriptionsTakeNoPartForTheirOwnClient() {
        List<Subscription> matching = List.of(new Subscription("a/b", 2, true, false, 0, 1),
                new Subscription("a/+", 0, false, false, 0, 2));

        AddressedMessage own = OverlappingSubscriptions.address(RETAINED_QOS2, "sub", "sub", matching);
        AddressedMessage others = OverlappingSubscriptions.address(RETAINED_QOS2, "pub", "sub", matching);
        AddressedMessage onlyNoLocal = OverlappingSubscriptions.address(RETAINED_QOS2, "sub", "sub", matching.subList(0, 1));

        assertThat(own.qos()).isZero();
        assertThat(own.subscriptionIds()).containsExactly(2);
        assertThat(others.qos()).isEqualTo(2);
        assertThat(onlyNoLocal).isNull();
    }

    @Test
    void aSharedDeliveryNamesItsGroupAndCarriesTheMembersIdentifier() {
        Matches.Member member = new Matches.Member("m", new Subscription("$share/g/a/b", 1, false, false, 0, 4));

        AddressedMessage addressed = OverlappingSubscriptions.addressShared(RETAINED_QOS2, "$share/g/a/b", member);

        assertThat(addressed.sharedSubscription()).isEqualTo("$share/g/a/b");
        assertThat(addressed.subscriptionIds()).containsExactly(4);
        assertThat(addressed.qos()).isEqualTo(1);
        assertThat(addressed.retain()).isFalse();
    }

    @Test
    void aRetainedMessageSentOnSubscribeKeepsRetainAndCarriesTheSubscriptionsIdentifier() {
        AddressedMessage addressed = OverlappingSubscriptions.addressRetained(RETAINED_QOS2,
                new Subscription("a/#", 1, false, false, 0, 12));

        assertThat(addressed.retain()).isTrue();
        assertThat(addressed.qos()).isEqualTo(1);
        assertThat(addressed.subscriptionIds()).containsExactly(12);
    }

    @Test
    void aSharedDeliveryHandedOnToAnotherMemberKeepsTheQosItWasAddressedWith() {
        AddressedMessage first = OverlappingSubscriptions.addressShared(RETAINED_QOS2, "$share/g/a/b",
                new Matches.Member("m", new Subscription("$share/g/a/b", 1, false, true, 0, 4)));
        Matches.Member other = new Matches.Member("n", new Subscription("$share/g/a/b", 2, false, true, 0, 0));

        AddressedMessage handedOn = OverlappingSubscriptions.readdressShared(first, "$share/g/a/b", other);

        assertThat(handedOn.qos()).as("addressed with QoS 1 first, the message was published with 2").isEqualTo(1);
        assertThat(handedOn.retain()).isTrue();
        assertThat(handedOn.subscriptionIds()).isEmpty();
        assertThat(handedOn.message()).isSameAs(RETAINED_QOS2);
    }

    @Test
    void everySessionsDeliverySharesTheOneMessage() {
        List<Subscription> matching = List.of(Subscription.of("a/b", 1));

        assertThat(OverlappingSubscriptions.address(RETAINED_QOS2, "pub", "s1", matching).message())
                .isSameAs(OverlappingSubscriptions.address(RETAINED_QOS2, "pub", "s2", matching).message());
    }
}
