package io.starlingmq.router.component;

import io.starlingmq.contract.link.v1.Deliver;
import io.starlingmq.contract.link.v1.GatewayEvent;
import io.starlingmq.router.testsupport.TestGateway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.starlingmq.router.testsupport.TestGateway.WAIT;
import static io.starlingmq.router.testsupport.TestGateway.anyDeliverTo;
import static io.starlingmq.router.testsupport.TestGateway.deliverOf;
import static io.starlingmq.router.testsupport.TestGateway.expiring;
import static io.starlingmq.router.testsupport.TestGateway.publish;
import static io.starlingmq.router.testsupport.TestGateway.publishDone;
import static io.starlingmq.router.testsupport.TestGateway.request;
import static io.starlingmq.router.testsupport.TestGateway.subscribe;
import static io.starlingmq.router.testsupport.TestGateway.subscribed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Subscription options, overlapping subscriptions, message expiry and the subscription quota, as gateways
 * see them. Run against each session store by the subclasses.
 */
abstract class SubscriptionOptionsContract extends RouterLinkTestBase {

    /** Sends a marker from {@code publisher} and answers the first delivery {@code subscriber} gets after it. */
    private String firstPayloadAfterMarker(TestGateway gateway, long publisherConnection, String publisher,
                                           long subscriberConnection, String topic, int packetId) {
        gateway.send(publish(publisherConnection, publisher, packetId, topic, "marker", 1, false));
        return gateway.take(anyDeliverTo(subscriberConnection)).getDeliver().getMessage().getPayload().toStringUtf8();
    }

    @Test
    @DisplayName("[MQTT-3.8.3-3] No Local keeps a client's own messages from it; an overlapping subscription without it still delivers")
    void noLocalSuppressesOwnMessagesOnlyForThatSubscription() {
        TestGateway gateway = gateway("gw");
        String client = id("self");
        String other = id("other");
        String topic = id("nl") + "/t";
        openSession(gateway, 1, client, true, CLEAN);
        openSession(gateway, 2, other, true, CLEAN);
        gateway.send(subscribe(1, client, 1, request(topic, 1).setNoLocal(true).setSubscriptionIdentifier(1).build()));
        gateway.take(subscribed(1, 1));

        gateway.send(publish(1, client, 10, topic, "own-1", 1, false));
        assertThat(gateway.take(publishDone(1, 10)).getPublishDone().getReasonCode()).isEqualTo(0x10);
        assertThat(firstPayloadAfterMarker(gateway, 2, other, 1, topic, 11)).isEqualTo("marker");

        gateway.send(subscribe(1, client, 2, request(id("nl") + "/+", 1).setSubscriptionIdentifier(2).build()));
        gateway.take(subscribed(1, 2));
        gateway.send(publish(1, client, 12, topic, "own-2", 1, false));

        Deliver own = gateway.take(anyDeliverTo(1)).getDeliver();
        assertThat(own.getMessage().getPayload().toStringUtf8()).isEqualTo("own-2");
        assertThat(own.getSubscriptionIdentifiersList()).as("only the subscription that delivered").containsExactly(2);
    }

    @Test
    @DisplayName("[MQTT-3.3.1-12] [MQTT-3.3.1-13] RETAIN is kept only for Retain As Published subscriptions")
    void retainAsPublishedKeepsTheRetainFlagOfRoutedMessages() {
        TestGateway gateway = gateway("gw");
        String keeping = id("rap");
        String plain = id("plain");
        String publisher = id("pub");
        String topic = id("rap") + "/t";
        openSession(gateway, 1, keeping, true, CLEAN);
        openSession(gateway, 2, plain, true, CLEAN);
        openSession(gateway, 3, publisher, true, CLEAN);
        gateway.send(subscribe(1, keeping, 1, request(topic, 1).setRetainAsPublished(true).build()));
        gateway.take(subscribed(1, 1));
        subscribeTo(gateway, 2, plain, 1, topic, 1);

        gateway.send(publish(3, publisher, 1, topic, "r", 1, true));

        Deliver kept = gateway.take(deliverOf(1, "r")).getDeliver();
        Deliver cleared = gateway.take(deliverOf(2, "r")).getDeliver();
        assertThat(kept.getRetained()).isTrue();
        assertThat(kept.getMessage().getRetain()).isTrue();
        assertThat(cleared.getRetained()).isFalse();
        assertThat(cleared.getMessage().getRetain()).isFalse();
    }

    @Test
    @DisplayName("[MQTT-3.3.1-9] [MQTT-3.3.1-10] [MQTT-3.3.1-11] Retain Handling 0, 1 and 2")
    void retainHandlingDecidesWhetherRetainedMessagesAreSentAtSubscribe() {
        TestGateway gateway = gateway("gw");
        String client = id("rh");
        String publisher = id("pub");
        String topic = id("rh") + "/t";
        openSession(gateway, 1, client, true, CLEAN);
        openSession(gateway, 2, publisher, true, CLEAN);
        gateway.send(publish(2, publisher, 1, topic, "kept", 1, true));
        gateway.take(publishDone(2, 1));

        gateway.send(subscribe(1, client, 1, request(topic, 1).setRetainHandling(1).setSubscriptionIdentifier(4).build()));
        gateway.take(subscribed(1, 1));
        Deliver atNewSubscription = gateway.take(anyDeliverTo(1)).getDeliver();
        assertThat(atNewSubscription.getMessage().getPayload().toStringUtf8()).isEqualTo("kept");
        assertThat(atNewSubscription.getRetained()).isTrue();
        assertThat(atNewSubscription.getSubscriptionIdentifiersList()).containsExactly(4);

        gateway.send(subscribe(1, client, 2, request(topic, 1).setRetainHandling(1).build()));
        gateway.take(subscribed(1, 2));
        assertThat(firstPayloadAfterMarker(gateway, 2, publisher, 1, topic, 2)).as("1: the subscription existed")
                .isEqualTo("marker");

        gateway.send(subscribe(1, client, 3, request(id("rh") + "/#", 1).setRetainHandling(2).build()));
        gateway.take(subscribed(1, 3));
        assertThat(firstPayloadAfterMarker(gateway, 2, publisher, 1, topic, 3)).as("2: never").isEqualTo("marker");

        gateway.send(subscribe(1, client, 4, request(topic, 1).setRetainHandling(0).build()));
        gateway.take(subscribed(1, 4));
        assertThat(gateway.take(anyDeliverTo(1)).getDeliver().getMessage().getPayload().toStringUtf8())
                .as("0: at every subscribe").isEqualTo("kept");
    }

    @Test
    @DisplayName("[MQTT-3.3.4-2] [MQTT-3.3.4-3] [MQTT-3.3.4-4] overlapping subscriptions: one delivery, highest QoS, every identifier")
    void overlappingSubscriptionsGiveOneDeliveryWithTheHighestQosAndEveryIdentifier() {
        TestGateway gateway = gateway("gw");
        String client = id("overlap");
        String publisher = id("pub");
        String prefix = id("ov");
        openSession(gateway, 1, client, true, CLEAN);
        openSession(gateway, 2, publisher, true, CLEAN);
        gateway.send(subscribe(1, client, 1, request(prefix + "/+", 0).setSubscriptionIdentifier(5).build(),
                request(prefix + "/#", 2).setSubscriptionIdentifier(7).build(), request(prefix + "/a", 1).build()));
        gateway.take(subscribed(1, 1));

        gateway.send(publish(2, publisher, 1, prefix + "/a", "once", 2, false));

        Deliver delivery = gateway.take(anyDeliverTo(1)).getDeliver();
        assertThat(delivery.getMessage().getPayload().toStringUtf8()).isEqualTo("once");
        assertThat(delivery.getQos()).isEqualTo(2);
        assertThat(delivery.getSubscriptionIdentifiersList()).containsExactlyInAnyOrder(5, 7);
        assertThat(firstPayloadAfterMarker(gateway, 2, publisher, 1, prefix + "/a", 2)).as("no second copy")
                .isEqualTo("marker");
    }

    @Test
    void aPersistentSessionsQueuedDeliveriesKeepTheirIdentifiersAndRetainFlag() {
        TestGateway gateway = gateway("gw");
        String subscriber = id("durable");
        String publisher = id("pub");
        String topic = id("queued") + "/t";
        openSession(gateway, 1, subscriber, true, PERSISTENT);
        gateway.send(subscribe(1, subscriber, 1, request(topic, 1).setRetainAsPublished(true)
                .setSubscriptionIdentifier(9).build()));
        gateway.take(subscribed(1, 1));
        gateway.send(TestGateway.close(1, subscriber, PERSISTENT));
        await().atMost(WAIT).until(() -> !directory.get(subscriber).online());
        openSession(gateway, 2, publisher, true, CLEAN);
        gateway.send(publish(2, publisher, 1, topic, "while-away", 1, true));
        gateway.take(publishDone(2, 1));

        openSession(gateway, 3, subscriber, false, PERSISTENT);

        Deliver queued = gateway.take(anyDeliverTo(3)).getDeliver();
        assertThat(queued.getMessage().getPayload().toStringUtf8()).isEqualTo("while-away");
        assertThat(queued.getPacketId()).isPositive();
        assertThat(queued.getSubscriptionIdentifiersList()).containsExactly(9);
        assertThat(queued.getRetained()).isTrue();
        gateway.send(TestGateway.close(3, subscriber));
    }

    @Test
    @DisplayName("[MQTT-3.3.2-6] a delivery carries the expiry deadline and the interval left, rounded up")
    void deliveriesCarryTheRemainingExpiryInterval() {
        TestGateway gateway = gateway("gw");
        String subscriber = id("sub");
        String publisher = id("pub");
        String topic = id("exp") + "/t";
        openSession(gateway, 1, subscriber, true, CLEAN);
        openSession(gateway, 2, publisher, true, CLEAN);
        subscribeTo(gateway, 1, subscriber, 1, topic, 1);
        long before = System.currentTimeMillis();

        gateway.send(expiring(publish(2, publisher, 1, topic, "expiring", 1, false), 60),
                publish(2, publisher, 2, topic, "lasting", 1, false));

        Deliver expiring = gateway.take(deliverOf(1, "expiring")).getDeliver();
        assertThat(expiring.getMessage().getExpiresAtMs()).isBetween(before + 60_000, System.currentTimeMillis() + 60_000);
        assertThat(expiring.getMessage().getProperties().getMessageExpiryInterval()).isBetween(1, 60);
        Deliver lasting = gateway.take(deliverOf(1, "lasting")).getDeliver();
        assertThat(lasting.getMessage().getExpiresAtMs()).isZero();
        assertThat(lasting.getMessage().getProperties().hasMessageExpiryInterval()).isFalse();
    }

    @Test
    @DisplayName("[MQTT-3.3.2-5] an expired message is neither released from a queue nor sent as retained")
    void anExpiredMessageIsNotDeliveredFromAQueueNorAsARetainedMessage() {
        TestGateway gateway = gateway("gw");
        String subscriber = id("durable");
        String publisher = id("pub");
        String topic = id("expq") + "/t";
        openSession(gateway, 1, subscriber, true, PERSISTENT);
        subscribeTo(gateway, 1, subscriber, 1, topic, 1);
        gateway.send(TestGateway.close(1, subscriber, PERSISTENT));
        await().atMost(WAIT).until(() -> !directory.get(subscriber).online());
        openSession(gateway, 2, publisher, true, CLEAN);
        long sent = System.currentTimeMillis();
        gateway.send(expiring(publish(2, publisher, 1, topic, "short-lived", 1, true), 1),
                expiring(publish(2, publisher, 2, topic, "long-lived", 1, false), 3600));
        gateway.take(publishDone(2, 2));
        await().atMost(WAIT).until(() -> System.currentTimeMillis() > sent + 2_000);

        openSession(gateway, 3, subscriber, false, PERSISTENT);
        Deliver released = gateway.take(anyDeliverTo(3)).getDeliver();
        assertThat(released.getMessage().getPayload().toStringUtf8()).isEqualTo("long-lived");
        assertThat(released.getMessage().getProperties().getMessageExpiryInterval()).isBetween(3500, 3600);

        String late = id("late");
        openSession(gateway, 4, late, true, CLEAN);
        subscribeTo(gateway, 4, late, 1, topic, 1);
        assertThat(firstPayloadAfterMarker(gateway, 2, publisher, 4, topic, 3)).as("the expired retained message")
                .isEqualTo("marker");
        gateway.send(TestGateway.close(3, subscriber));
    }

    @Test
    void aSubscribeEntryPastTheQuotaGetsQuotaExceededButResubscribingIsNotNew() {
        TestGateway gateway = gateway("gw");
        String client = id("greedy");
        openSession(gateway, 1, client, true, CLEAN);
        List<io.starlingmq.contract.link.v1.SubscriptionRequest> hundred = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            hundred.add(request(id("q") + "/" + i, 1).build());
        }
        gateway.send(subscribe(1, client, 1, hundred.toArray(io.starlingmq.contract.link.v1.SubscriptionRequest[]::new)));
        assertThat(gateway.take(subscribed(1, 1)).getSubscribed().getReasonCodesList()).containsOnly(1);

        GatewayEvent more = subscribe(1, client, 2, request(id("q") + "/one-more", 1).build(),
                request(id("q") + "/7", 0).build());
        gateway.send(more);

        assertThat(gateway.take(subscribed(1, 2)).getSubscribed().getReasonCodesList()).containsExactly(0x97, 0);
        assertThat(index.filtersOf(client)).hasSize(100);
    }
}
