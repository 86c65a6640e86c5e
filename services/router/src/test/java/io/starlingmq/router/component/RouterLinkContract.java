package io.starlingmq.router.component;

import io.grpc.Status;
import io.starlingmq.contract.link.v1.AckKind;
import io.starlingmq.contract.link.v1.Deliver;
import io.starlingmq.contract.link.v1.GatewayEvent;
import io.starlingmq.contract.link.v1.Hello;
import io.starlingmq.contract.link.v1.RouterEvent;
import io.starlingmq.router.testsupport.TestGateway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.starlingmq.router.testsupport.TestGateway.WAIT;
import static io.starlingmq.router.testsupport.TestGateway.anyDeliverTo;
import static io.starlingmq.router.testsupport.TestGateway.deliverOf;
import static io.starlingmq.router.testsupport.TestGateway.open;
import static io.starlingmq.router.testsupport.TestGateway.publish;
import static io.starlingmq.router.testsupport.TestGateway.publishDone;
import static io.starlingmq.router.testsupport.TestGateway.sessionOpened;
import static io.starlingmq.router.testsupport.TestGateway.subscribe;
import static io.starlingmq.router.testsupport.TestGateway.subscribed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The router as gateways see it, over real gRPC streams. Run against each session store by the
 * subclasses. Every test uses its own client ids, gateway ids and topics, so tests sharing one
 * application do not see each other's traffic.
 */
abstract class RouterLinkContract extends RouterLinkTestBase {

    @Test
    void sessionOpenIsAnsweredWithSessionOpened() {
        TestGateway gateway = gateway("gw");
        String client = id("c");

        RouterEvent first = openSession(gateway, 1, client, true, CLEAN);
        assertThat(first.getSessionOpened().getReasonCode()).isZero();
        assertThat(first.getSessionOpened().getSessionPresent()).isFalse();

        gateway.send(TestGateway.close(1, client));
        RouterEvent again = openSession(gateway, 2, client, false, CLEAN);
        assertThat(again.getSessionOpened().getSessionPresent()).isFalse();
    }

    @Test
    void qos0AndQos1PublishesReachTheSubscriberOnTheOtherGateway() {
        TestGateway subscriberGateway = gateway("gw-a");
        TestGateway publisherGateway = gateway("gw-b");
        String subscriber = id("sub");
        String publisher = id("pub");
        String topic = id("sensors") + "/t1";
        openSession(subscriberGateway, 1, subscriber, true, CLEAN);
        openSession(publisherGateway, 7, publisher, true, CLEAN);
        subscribeTo(subscriberGateway, 1, subscriber, 11, id("sensors") + "/+", 1);

        publisherGateway.send(publish(7, publisher, 0, topic, "zero", 0, false),
                publish(7, publisher, 21, topic, "one", 1, false));

        Deliver zero = subscriberGateway.take(deliverOf(1, "zero")).getDeliver();
        Deliver one = subscriberGateway.take(deliverOf(1, "one")).getDeliver();
        assertThat(zero.getQos()).isZero();
        assertThat(one.getQos()).isEqualTo(1);
        assertThat(one.getPacketId()).as("a clean session's gateway numbers its deliveries").isZero();
        assertThat(one.getMessage().getTopic()).isEqualTo(topic);
        assertThat(one.getMessage().getRetain()).isFalse();
        assertThat(one.getRetained()).isFalse();
        assertThat(publisherGateway.take(publishDone(7, 21)).getPublishDone().getReasonCode()).isZero();
        assertThat(publisherGateway.untaken()).noneMatch(e -> e.hasPublishDone());
    }

    @Test
    void gatewayThatFallsSilentIsTreatedAsDeadAndItsCleanSessionsEnd() {
        TestGateway silentGateway = gateway("gw-silent");
        TestGateway publisherGateway = gateway("gw-pub");
        String subscriber = id("sub");
        String publisher = id("pub");
        String topic = id("silent") + "/t";
        openSession(silentGateway, 1, subscriber, true, CLEAN);
        openSession(publisherGateway, 2, publisher, true, CLEAN);
        subscribeTo(silentGateway, 1, subscriber, 3, topic, 1);

        silentGateway.fallSilent();

        assertThat(silentGateway.awaitEnd().getCode()).as("the router closes a silent gateway's stream")
                .isEqualTo(Status.Code.UNAVAILABLE);
        await().atMost(WAIT).until(() -> directory.get(subscriber) == null);
        publisherGateway.send(publish(2, publisher, 9, topic, "after", 1, false));
        assertThat(publisherGateway.take(publishDone(2, 9)).getPublishDone().getReasonCode())
                .as("the dead gateway's clean session and its subscription are gone").isEqualTo(0x10);
    }

    @Test
    void publishDoneSaysNoMatchingSubscribersWhenNobodyMatches() {
        TestGateway publisherGateway = gateway("gw");
        String publisher = id("pub");
        openSession(publisherGateway, 3, publisher, true, CLEAN);

        publisherGateway.send(publish(3, publisher, 5, id("nobody") + "/here", "x", 1, false));

        assertThat(publisherGateway.take(publishDone(3, 5)).getPublishDone().getReasonCode()).isEqualTo(0x10);
    }

    @Test
    void retainedMessageIsDeliveredOnSubscribeAndClearedByAnEmptyPayload() {
        TestGateway publisherGateway = gateway("gw-pub");
        TestGateway subscriberGateway = gateway("gw-sub");
        String publisher = id("pub");
        String topic = id("state") + "/lamp";
        openSession(publisherGateway, 1, publisher, true, CLEAN);
        publisherGateway.send(publish(1, publisher, 1, topic, "on", 1, true));
        publisherGateway.take(publishDone(1, 1));

        String first = id("first");
        openSession(subscriberGateway, 10, first, true, CLEAN);
        subscribeTo(subscriberGateway, 10, first, 1, id("state") + "/#", 1);
        Deliver retained = subscriberGateway.take(deliverOf(10, "on")).getDeliver();
        assertThat(retained.getRetained()).isTrue();
        assertThat(retained.getMessage().getRetain()).isTrue();
        assertThat(retained.getQos()).isEqualTo(1);
        assertThat(retained.getPacketId()).isZero();

        publisherGateway.send(publish(1, publisher, 2, topic, "", 1, true));
        publisherGateway.take(publishDone(1, 2));
        Deliver clearing = subscriberGateway.take(deliverOf(10, "")).getDeliver();
        assertThat(clearing.getRetained()).as("an empty retained message is routed as a plain one").isFalse();
        assertThat(clearing.getMessage().getRetain()).isFalse();

        String second = id("second");
        openSession(subscriberGateway, 20, second, true, CLEAN);
        subscribeTo(subscriberGateway, 20, second, 1, id("state") + "/#", 1);
        publisherGateway.send(publish(1, publisher, 3, topic, "marker", 1, false));
        RouterEvent firstDelivery = subscriberGateway.take(anyDeliverTo(20));
        assertThat(firstDelivery.getDeliver().getMessage().getPayload().toStringUtf8())
                .as("no retained message is left to deliver before the marker").isEqualTo("marker");
    }

    @Test
    void aPersistentSessionGetsRetainedQos1MessagesThroughItsQueue() {
        TestGateway publisherGateway = gateway("gw-pub");
        TestGateway subscriberGateway = gateway("gw-sub");
        String publisher = id("pub");
        String subscriber = id("durable");
        String topic = id("config") + "/mode";
        openSession(publisherGateway, 1, publisher, true, CLEAN);
        publisherGateway.send(publish(1, publisher, 1, topic, "eco", 1, true));
        publisherGateway.take(publishDone(1, 1));

        openSession(subscriberGateway, 2, subscriber, true, PERSISTENT);
        subscribeTo(subscriberGateway, 2, subscriber, 1, topic, 1);

        Deliver retained = subscriberGateway.take(deliverOf(2, "eco")).getDeliver();
        assertThat(retained.getPacketId()).as("numbered by the store like any persistent delivery").isPositive();
        assertThat(retained.getRetained()).isTrue();
        assertThat(retained.getQos()).isEqualTo(1);
    }

    @Test
    void persistentSessionGetsMessagesQueuedWhileItsGatewayWasGoneWithTheSamePacketIds() {
        TestGateway firstGateway = gateway("gw-1");
        TestGateway publisherGateway = gateway("gw-pub");
        String subscriber = id("durable");
        String publisher = id("pub");
        String topic = id("orders");
        openSession(firstGateway, 1, subscriber, true, PERSISTENT);
        subscribeTo(firstGateway, 1, subscriber, 1, topic, 1);
        openSession(publisherGateway, 2, publisher, true, CLEAN);

        publisherGateway.send(publish(2, publisher, 1, topic, "m1", 1, false));
        assertThat(publisherGateway.take(publishDone(2, 1)).getPublishDone().getReasonCode()).isZero();
        Deliver inflight = firstGateway.take(deliverOf(1, "m1")).getDeliver();
        assertThat(inflight.getPacketId()).as("the store numbers a persistent session's deliveries").isPositive();

        firstGateway.drop();
        await().atMost(WAIT).until(() -> directory.get(subscriber) != null && !directory.get(subscriber).online());

        publisherGateway.send(publish(2, publisher, 2, topic, "m2", 1, false),
                publish(2, publisher, 3, topic, "m3", 1, false));
        assertThat(publisherGateway.take(publishDone(2, 2)).getPublishDone().getReasonCode()).isZero();
        assertThat(publisherGateway.take(publishDone(2, 3)).getPublishDone().getReasonCode()).isZero();

        TestGateway secondGateway = gateway("gw-2");
        RouterEvent reopened = openSession(secondGateway, 5, subscriber, false, PERSISTENT);
        assertThat(reopened.getSessionOpened().getSessionPresent()).isTrue();
        Deliver resent = secondGateway.take(anyDeliverTo(5)).getDeliver();
        Deliver second = secondGateway.take(anyDeliverTo(5)).getDeliver();
        Deliver third = secondGateway.take(anyDeliverTo(5)).getDeliver();
        assertThat(resent.getMessage().getPayload().toStringUtf8()).isEqualTo("m1");
        assertThat(resent.getPacketId()).isEqualTo(inflight.getPacketId());
        assertThat(resent.getDup()).isTrue();
        assertThat(List.of(second, third)).extracting(d -> d.getMessage().getPayload().toStringUtf8())
                .containsExactly("m2", "m3");
        assertThat(List.of(second, third)).allMatch(d -> !d.getDup() && d.getPacketId() > 0 && d.getQos() == 1);
        assertThat(List.of(resent.getPacketId(), second.getPacketId(), third.getPacketId())).doesNotHaveDuplicates();

        secondGateway.send(TestGateway.ack(5, subscriber, resent.getPacketId()));
        publisherGateway.send(publish(2, publisher, 4, topic, "m4", 1, false));
        assertThat(secondGateway.take(deliverOf(5, "m4")).getDeliver().getDup()).isFalse();
    }

    @Test
    void anOfflineSessionWhoseExpiryPassedIsSweptFromTheIndexes() {
        TestGateway gateway = gateway("gw");
        String client = id("brief");
        openSession(gateway, 1, client, true, 1);
        subscribeTo(gateway, 1, client, 1, id("brief") + "/t", 1);
        assertThat(index.filtersOf(client)).hasSize(1);

        gateway.send(TestGateway.close(1, client, 1));

        await().atMost(WAIT).until(() -> directory.get(client) == null);
        assertThat(index.filtersOf(client)).isEmpty();
    }

    @Test
    void takeoverSendsKickToTheGatewayOfThePreviousHolder() {
        TestGateway oldGateway = gateway("gw-old");
        TestGateway newGateway = gateway("gw-new");
        String client = id("roaming");
        openSession(oldGateway, 4, client, true, CLEAN);

        RouterEvent opened = openSession(newGateway, 9, client, false, CLEAN);

        assertThat(opened.getSessionOpened().getReasonCode()).isZero();
        RouterEvent kick = oldGateway.take(RouterEvent::hasKick);
        assertThat(kick.getKick().getConnectionId()).isEqualTo(4);
        assertThat(kick.getKick().getReasonCode()).isEqualTo(0x8E);
        assertThat(directory.get(client).holder().connectionId()).isEqualTo(9);
    }

    @Test
    void dollarTopicsAreNotMatchedByHash() {
        TestGateway gateway = gateway("gw");
        String subscriber = id("all");
        String publisher = id("pub");
        openSession(gateway, 1, subscriber, true, CLEAN);
        openSession(gateway, 2, publisher, true, CLEAN);
        subscribeTo(gateway, 1, subscriber, 1, "#", 1);

        gateway.send(publish(2, publisher, 1, "$" + id("SYS") + "/load", "system", 1, false),
                publish(2, publisher, 2, id("plain") + "/load", "plain", 1, false));

        assertThat(gateway.take(publishDone(2, 1)).getPublishDone().getReasonCode()).isEqualTo(0x10);
        assertThat(gateway.take(publishDone(2, 2)).getPublishDone().getReasonCode()).isZero();
        assertThat(gateway.take(anyDeliverTo(1)).getDeliver().getMessage().getPayload().toStringUtf8())
                .isEqualTo("plain");
    }

    @Test
    void aStreamThatDoesNotStartWithHelloIsClosedWithInvalidArgument() {
        TestGateway anonymous = gateway(null);

        anonymous.send(open(1, id("c"), true, CLEAN));

        assertThat(anonymous.awaitEnd().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void unsubscribeSaysWhetherTheSubscriptionExisted() {
        TestGateway gateway = gateway("gw");
        String client = id("c");
        openSession(gateway, 1, client, true, CLEAN);
        subscribeTo(gateway, 1, client, 1, id("a") + "/b", 0);

        gateway.send(TestGateway.unsubscribe(1, client, 2, id("a") + "/b"),
                TestGateway.unsubscribe(1, client, 3, id("a") + "/b"));

        assertThat(gateway.take(e -> e.hasUnsubscribed() && e.getUnsubscribed().getPacketId() == 2)
                .getUnsubscribed().getReasonCodesList()).containsExactly(0x00);
        assertThat(gateway.take(e -> e.hasUnsubscribed() && e.getUnsubscribed().getPacketId() == 3)
                .getUnsubscribed().getReasonCodesList()).containsExactly(0x11);
    }

    @Test
    void qos2RequestsAreGrantedQos2() {
        TestGateway gateway = gateway("gw");
        String client = id("c");
        openSession(gateway, 1, client, true, CLEAN);

        gateway.send(subscribe(1, client, 4, id("q") + "/2", 2));

        assertThat(gateway.take(subscribed(1, 4)).getSubscribed().getReasonCodesList()).containsExactly(2);
    }

    @Test
    void qos2ToAPersistentSessionSendsPubrelOnlyAfterPubrecAndResumesEachEntryInItsState() {
        TestGateway firstGateway = gateway("gw-1");
        TestGateway publisherGateway = gateway("gw-pub");
        String subscriber = id("exact");
        String publisher = id("pub");
        String topic = id("ledger");
        openSession(firstGateway, 1, subscriber, true, PERSISTENT);
        subscribeTo(firstGateway, 1, subscriber, 1, topic, 2);
        openSession(publisherGateway, 2, publisher, true, CLEAN);

        publisherGateway.send(publish(2, publisher, 1, topic, "m1", 2, false),
                publish(2, publisher, 2, topic, "m2", 2, false));
        assertThat(publisherGateway.take(publishDone(2, 2)).getPublishDone().getReasonCode()).isZero();
        Deliver m1 = firstGateway.take(deliverOf(1, "m1")).getDeliver();
        Deliver m2 = firstGateway.take(deliverOf(1, "m2")).getDeliver();
        assertThat(List.of(m1, m2)).allMatch(d -> d.getQos() == 2 && d.getPacketId() > 0 && !d.getRelease());

        firstGateway.send(TestGateway.ack(1, subscriber, m1.getPacketId(), AckKind.PUBREC));
        Deliver release = firstGateway.take(e -> e.hasDeliver() && e.getDeliver().getRelease()).getDeliver();
        assertThat(release.getPacketId()).isEqualTo(m1.getPacketId());

        firstGateway.drop();
        await().atMost(WAIT).until(() -> directory.get(subscriber) != null && !directory.get(subscriber).online());
        TestGateway secondGateway = gateway("gw-2");
        openSession(secondGateway, 5, subscriber, false, PERSISTENT);
        Deliver resentRelease = secondGateway.take(anyDeliverTo(5)).getDeliver();
        Deliver resentPublish = secondGateway.take(anyDeliverTo(5)).getDeliver();
        assertThat(resentRelease.getRelease()).isTrue();
        assertThat(resentRelease.getPacketId()).isEqualTo(m1.getPacketId());
        assertThat(resentPublish.getRelease()).isFalse();
        assertThat(resentPublish.getDup()).isTrue();
        assertThat(resentPublish.getPacketId()).isEqualTo(m2.getPacketId());
        assertThat(resentPublish.getMessage().getPayload().toStringUtf8()).isEqualTo("m2");

        secondGateway.send(TestGateway.ack(5, subscriber, m1.getPacketId(), AckKind.PUBCOMP),
                TestGateway.ack(5, subscriber, m2.getPacketId(), AckKind.PUBREC),
                TestGateway.ack(5, subscriber, m2.getPacketId(), AckKind.PUBCOMP));
        secondGateway.take(e -> e.hasDeliver() && e.getDeliver().getRelease()
                && e.getDeliver().getPacketId() == m2.getPacketId());
        secondGateway.drop();
        await().atMost(WAIT).until(() -> !directory.get(subscriber).online());
        TestGateway thirdGateway = gateway("gw-3");
        openSession(thirdGateway, 6, subscriber, false, PERSISTENT);
        publisherGateway.send(publish(2, publisher, 3, topic, "m3", 2, false));
        assertThat(thirdGateway.take(anyDeliverTo(6)).getDeliver().getMessage().getPayload().toStringUtf8())
                .as("completed deliveries are not resent").isEqualTo("m3");
    }

    @Test
    void aQos2ResendOfAPersistentPublisherThroughAnotherGatewayIsAnsweredButNotRoutedAgain() {
        TestGateway firstGateway = gateway("gw-pub-1");
        TestGateway subscriberGateway = gateway("gw-sub");
        String publisher = id("once");
        String subscriber = id("sub");
        String topic = id("payments");
        openSession(subscriberGateway, 1, subscriber, true, CLEAN);
        subscribeTo(subscriberGateway, 1, subscriber, 1, topic, 2);
        openSession(firstGateway, 2, publisher, true, PERSISTENT);

        firstGateway.send(publish(2, publisher, 7, topic, "pay-1", 2, false));
        assertThat(firstGateway.take(publishDone(2, 7)).getPublishDone().getReasonCode()).isZero();
        assertThat(subscriberGateway.take(anyDeliverTo(1)).getDeliver().getQos()).isEqualTo(2);

        firstGateway.drop();
        await().atMost(WAIT).until(() -> directory.get(publisher) != null && !directory.get(publisher).online());
        TestGateway secondGateway = gateway("gw-pub-2");
        openSession(secondGateway, 3, publisher, false, PERSISTENT);
        secondGateway.send(publish(3, publisher, 7, topic, "pay-1", 2, false),
                publish(3, publisher, 8, topic, "pay-2", 2, false));

        assertThat(secondGateway.take(publishDone(3, 7)).getPublishDone().getReasonCode()).isZero();
        assertThat(secondGateway.take(publishDone(3, 8)).getPublishDone().getReasonCode()).isZero();
        assertThat(subscriberGateway.take(anyDeliverTo(1)).getDeliver().getMessage().getPayload().toStringUtf8())
                .as("the resend is not delivered twice").isEqualTo("pay-2");

        secondGateway.send(TestGateway.publishRelease(3, publisher, 7));
        assertThat(secondGateway.take(TestGateway.releaseDone(3, 7)).getReleaseDone().getReasonCode()).isZero();
        secondGateway.send(TestGateway.publishRelease(3, publisher, 7));
        assertThat(secondGateway.take(TestGateway.releaseDone(3, 7)).getReleaseDone().getReasonCode())
                .as("packet identifier not found").isEqualTo(0x92);
        secondGateway.send(publish(3, publisher, 7, topic, "pay-3", 2, false));
        assertThat(subscriberGateway.take(anyDeliverTo(1)).getDeliver().getMessage().getPayload().toStringUtf8())
                .as("a released packet id carries a new message").isEqualTo("pay-3");
    }

    @Test
    void aLostConnectionsWillIsPublishedAndANormalDisconnectsIsNot() {
        TestGateway gateway = gateway("gw");
        String subscriber = id("sub");
        String quiet = id("quiet");
        String lost = id("lost");
        openSession(gateway, 1, subscriber, true, CLEAN);
        subscribeTo(gateway, 1, subscriber, 11, id("wills") + "/#", 1);
        gateway.send(TestGateway.openWithWill(2, quiet, CLEAN, id("wills") + "/quiet", "quiet-will", 0));
        gateway.take(sessionOpened(2));
        gateway.send(TestGateway.openWithWill(3, lost, CLEAN, id("wills") + "/lost", "lost-will", 0));
        gateway.take(sessionOpened(3));

        gateway.send(TestGateway.close(2, quiet));
        gateway.send(TestGateway.lost(3, lost, CLEAN));

        Deliver will = gateway.take(deliverOf(1, "lost-will")).getDeliver();
        assertThat(will.getMessage().getTopic()).isEqualTo(id("wills") + "/lost");
        assertThat(will.getMessage().getPublisher()).isEqualTo(lost);
        // the lost connection's will was routed after the normal close was processed (same stream, in order)
        assertThat(gateway.untaken()).noneMatch(deliverOf(1, "quiet-will"));
    }

    @Test
    void aDelayedWillIsPublishedByTheSweepAfterItsDelay() {
        TestGateway gateway = gateway("gw");
        String subscriber = id("sub");
        String client = id("late");
        openSession(gateway, 1, subscriber, true, CLEAN);
        subscribeTo(gateway, 1, subscriber, 11, id("wills") + "/#", 1);
        gateway.send(TestGateway.openWithWill(2, client, PERSISTENT, id("wills") + "/late", "late-will", 1));
        gateway.take(sessionOpened(2));

        gateway.send(TestGateway.lost(2, client, PERSISTENT));

        assertThat(gateway.take(deliverOf(1, "late-will")).getDeliver().getMessage().getTopic())
                .isEqualTo(id("wills") + "/late");
    }

    @Test
    void takeoverPublishesTheOldConnectionsWillWithoutDelay() {
        assertThat(firstPayloadAfterTakeover(0, false))
                .as("the will is published on the takeover itself, before a message published after it")
                .isEqualTo("will");
    }

    @Test
    void cleanStartTakeoverPublishesTheOldConnectionsDelayedWillAtOnce() {
        assertThat(firstPayloadAfterTakeover(3600, true))
                .as("a clean start ends the session, and the session's end ends the will's delay")
                .isEqualTo("will");
    }

    @Test
    @DisplayName("[MQTT-3.1.3-9] a takeover that resumes the session does not send a will with a delay")
    void resumingTakeoverDoesNotSendTheOldConnectionsDelayedWill() {
        assertThat(firstPayloadAfterTakeover(3600, false)).isEqualTo("marker");
    }

    /**
     * A subscriber of wills/#, a persistent session whose live connection has a will with {@code willDelay},
     * a second connection taking the session over ({@code cleanStart}), then "marker" published by another
     * client: answers the first payload the subscriber gets.
     */
    private String firstPayloadAfterTakeover(long willDelay, boolean cleanStart) {
        TestGateway gateway = gateway("gw");
        String subscriber = id("sub");
        String client = id("taken");
        String wills = id("wills");
        openSession(gateway, 1, subscriber, true, CLEAN);
        subscribeTo(gateway, 1, subscriber, 11, wills + "/#", 1);
        gateway.send(TestGateway.openWithWill(2, client, PERSISTENT, wills + "/taken", "will", willDelay));
        gateway.take(sessionOpened(2));

        openSession(gateway, 3, client, cleanStart, PERSISTENT);
        String publisher = id("pub");
        openSession(gateway, 4, publisher, true, CLEAN);
        gateway.send(publish(4, publisher, 0, wills + "/marker", "marker", 0, false));

        String first = gateway.take(anyDeliverTo(1)).getDeliver().getMessage().getPayload().toStringUtf8();
        gateway.send(TestGateway.close(3, client));
        return first;
    }

    @Test
    void helloIsOnlyExpectedFirst() {
        TestGateway gateway = gateway("gw");
        String client = id("c");

        gateway.send(GatewayEvent.newBuilder().setHello(Hello.newBuilder().setGatewayId(id("gw"))).build(),
                open(1, client, true, CLEAN));

        assertThat(gateway.take(sessionOpened(1)).getSessionOpened().getReasonCode()).isZero();
    }
}
