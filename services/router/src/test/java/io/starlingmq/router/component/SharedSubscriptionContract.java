package io.starlingmq.router.component;

import io.starlingmq.contract.link.v1.Deliver;
import io.starlingmq.contract.link.v1.SharedDelivery;
import io.starlingmq.router.testsupport.TestGateway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.starlingmq.router.testsupport.TestGateway.WAIT;
import static io.starlingmq.router.testsupport.TestGateway.anyDeliverTo;
import static io.starlingmq.router.testsupport.TestGateway.deliverOf;
import static io.starlingmq.router.testsupport.TestGateway.publish;
import static io.starlingmq.router.testsupport.TestGateway.publishDone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Shared subscriptions ({@code $share/{group}/{filter}}) as gateways see them, with the default round_robin. */
abstract class SharedSubscriptionContract extends RouterLinkTestBase {

    @Test
    @DisplayName("[MQTT-4.8.2] each message goes to one member of the group; round robin takes turns")
    void eachMessageGoesToOneMemberInTurn() {
        TestGateway first = gateway("gw-1");
        TestGateway second = gateway("gw-2");
        String a = id("a");
        String b = id("b");
        String publisher = id("pub");
        String shared = "$share/" + id("workers") + "/" + id("jobs") + "/+";
        openSession(first, 1, a, true, CLEAN);
        openSession(second, 2, b, true, CLEAN);
        openSession(first, 3, publisher, true, CLEAN);
        subscribeTo(first, 1, a, 1, shared, 1);
        subscribeTo(second, 2, b, 1, shared, 1);

        for (int i = 1; i <= 4; i++) {
            first.send(publish(3, publisher, i, id("jobs") + "/x", "job-" + i, 1, false));
        }

        List<Deliver> toA = List.of(first.take(anyDeliverTo(1)).getDeliver(), first.take(anyDeliverTo(1)).getDeliver());
        List<Deliver> toB = List.of(second.take(anyDeliverTo(2)).getDeliver(), second.take(anyDeliverTo(2)).getDeliver());
        assertThat(toA).extracting(d -> d.getMessage().getPayload().toStringUtf8())
                .doesNotContainAnyElementsOf(toB.stream().map(d -> d.getMessage().getPayload().toStringUtf8()).toList());
        assertThat(toA).allMatch(d -> d.getSharedSubscription().equals(shared));
        assertThat(toB).allMatch(d -> d.getSharedSubscription().equals(shared));
        assertThat(first.take(publishDone(3, 4)).getPublishDone().getReasonCode()).isZero();
    }

    @Test
    void aMemberWithANonSharedSubscriptionTooGetsThatDeliverySeparately() {
        TestGateway gateway = gateway("gw");
        String member = id("member");
        String publisher = id("pub");
        String topic = id("both") + "/t";
        openSession(gateway, 1, member, true, CLEAN);
        openSession(gateway, 2, publisher, true, CLEAN);
        subscribeTo(gateway, 1, member, 1, "$share/" + id("g") + "/" + topic, 1);
        subscribeTo(gateway, 1, member, 2, topic, 1);

        gateway.send(publish(2, publisher, 1, topic, "twice", 1, false));

        Deliver one = gateway.take(deliverOf(1, "twice")).getDeliver();
        Deliver other = gateway.take(deliverOf(1, "twice")).getDeliver();
        assertThat(List.of(one.getSharedSubscription(), other.getSharedSubscription()))
                .containsExactlyInAnyOrder("", "$share/" + id("g") + "/" + topic);
    }

    @Test
    @DisplayName("[MQTT-4.8.2] no retained messages are sent on a shared subscribe")
    void noRetainedMessagesAreSentOnASharedSubscribe() {
        TestGateway gateway = gateway("gw");
        String member = id("member");
        String publisher = id("pub");
        String topic = id("kept") + "/t";
        openSession(gateway, 1, member, true, CLEAN);
        openSession(gateway, 2, publisher, true, CLEAN);
        gateway.send(publish(2, publisher, 1, topic, "retained", 1, true));
        gateway.take(publishDone(2, 1));

        subscribeTo(gateway, 1, member, 1, "$share/" + id("g") + "/" + topic, 1);
        gateway.send(publish(2, publisher, 2, topic, "marker", 1, false));

        assertThat(gateway.take(anyDeliverTo(1)).getDeliver().getMessage().getPayload().toStringUtf8())
                .isEqualTo("marker");
    }

    @Test
    void onlineMembersArePreferredOverAnOfflinePersistentOne() {
        TestGateway gateway = gateway("gw");
        String away = id("away");
        String present = id("present");
        String publisher = id("pub");
        String shared = "$share/" + id("g") + "/" + id("pref");
        openSession(gateway, 1, away, true, PERSISTENT);
        subscribeTo(gateway, 1, away, 1, shared, 1);
        gateway.send(TestGateway.close(1, away, PERSISTENT));
        await().atMost(WAIT).until(() -> !directory.get(away).online());
        openSession(gateway, 2, present, true, CLEAN);
        subscribeTo(gateway, 2, present, 1, shared, 1);
        openSession(gateway, 3, publisher, true, CLEAN);

        for (int i = 1; i <= 3; i++) {
            gateway.send(publish(3, publisher, i, id("pref"), "m" + i, 1, false));
        }

        assertThat(List.of(gateway.take(anyDeliverTo(2)), gateway.take(anyDeliverTo(2)), gateway.take(anyDeliverTo(2))))
                .extracting(e -> e.getDeliver().getMessage().getPayload().toStringUtf8())
                .containsExactly("m1", "m2", "m3");
        openSession(gateway, 4, away, false, PERSISTENT);
        gateway.send(publish(3, publisher, 9, id("pref") + "-other", "after", 1, false));
        gateway.take(publishDone(3, 9));
        assertThat(gateway.untaken()).as("nothing was queued for the offline member").noneMatch(anyDeliverTo(4));
        gateway.send(TestGateway.close(4, away));
    }

    @Test
    @DisplayName("[MQTT-4.8.2] deliveries a leaving clean member did not acknowledge go to another member")
    void unacknowledgedSharedDeliveriesOfALeavingCleanMemberGoToAnotherMember() {
        TestGateway leavingGateway = gateway("gw-leaving");
        TestGateway stayingGateway = gateway("gw-staying");
        String leaving = id("leaving");
        String staying = id("staying");
        String publisher = id("pub");
        String shared = "$share/" + id("g") + "/" + id("work");
        openSession(leavingGateway, 1, leaving, true, CLEAN);
        subscribeTo(leavingGateway, 1, leaving, 1, shared, 1);
        openSession(leavingGateway, 3, publisher, true, CLEAN);
        leavingGateway.send(publish(3, publisher, 1, id("work"), "unfinished", 1, false));
        Deliver got = leavingGateway.take(deliverOf(1, "unfinished")).getDeliver();
        openSession(stayingGateway, 2, staying, true, CLEAN);
        subscribeTo(stayingGateway, 2, staying, 1, shared, 1);

        leavingGateway.send(TestGateway.closeReturning(1, leaving, List.of(SharedDelivery.newBuilder()
                .setMessage(got.getMessage()).setSharedSubscription(got.getSharedSubscription()).setQos(got.getQos())
                .build())));

        Deliver handedOn = stayingGateway.take(deliverOf(2, "unfinished")).getDeliver();
        assertThat(handedOn.getSharedSubscription()).isEqualTo(shared);
        assertThat(handedOn.getQos()).isEqualTo(1);
    }

    @Test
    @DisplayName("MQTT 5 section 4.8.2: a persistent member's queued shared deliveries go to another member when a clean start ends its session")
    void aPersistentMembersQueuedSharedDeliveriesGoToAnotherMemberWhenACleanStartEndsItsSession() {
        TestGateway gateway = gateway("gw");
        String away = id("away");
        String other = id("other");
        String publisher = id("pub");
        String shared = "$share/" + id("g") + "/" + id("orders");
        openSession(gateway, 1, away, true, PERSISTENT);
        subscribeTo(gateway, 1, away, 1, shared, 1);
        gateway.send(TestGateway.close(1, away, PERSISTENT));
        await().atMost(WAIT).until(() -> !directory.get(away).online());
        openSession(gateway, 3, publisher, true, CLEAN);
        gateway.send(publish(3, publisher, 1, id("orders"), "queued-for-away", 1, false));
        gateway.take(publishDone(3, 1));
        openSession(gateway, 2, other, true, CLEAN);
        subscribeTo(gateway, 2, other, 1, shared, 1);

        openSession(gateway, 4, away, true, PERSISTENT);

        Deliver handedOn = gateway.take(deliverOf(2, "queued-for-away")).getDeliver();
        assertThat(handedOn.getSharedSubscription()).isEqualTo(shared);
        assertThat(gateway.untaken()).noneMatch(anyDeliverTo(4));
        gateway.send(TestGateway.close(4, away));
    }

    @Test
    @DisplayName("MQTT 5 section 4.8.2: an expired persistent member's unacknowledged shared delivery goes to another member")
    void anExpiredPersistentMembersInflightSharedDeliveryGoesToAnotherMember() {
        TestGateway memberGateway = gateway("gw-member");
        TestGateway otherGateway = gateway("gw-other");
        String brief = id("brief");
        String other = id("other");
        String publisher = id("pub");
        String shared = "$share/" + id("g") + "/" + id("tasks");
        openSession(memberGateway, 1, brief, true, 1);
        subscribeTo(memberGateway, 1, brief, 1, shared, 1);
        openSession(otherGateway, 3, publisher, true, CLEAN);
        otherGateway.send(publish(3, publisher, 1, id("tasks"), "unacknowledged", 1, false));
        memberGateway.take(deliverOf(1, "unacknowledged"));
        memberGateway.send(TestGateway.lost(1, brief, 1));
        await().atMost(WAIT).until(() -> !directory.get(brief).online());
        openSession(otherGateway, 2, other, true, CLEAN);
        subscribeTo(otherGateway, 2, other, 1, shared, 1);

        Deliver handedOn = otherGateway.take(deliverOf(2, "unacknowledged")).getDeliver();

        assertThat(handedOn.getSharedSubscription()).isEqualTo(shared);
        assertThat(directory.get(brief)).as("it was handed on when the session expired").isNull();
    }
}
