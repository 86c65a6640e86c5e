package io.starlingmq.store;

import io.starlingmq.store.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** The behaviour every {@link SessionStore} implementation must have. */
public abstract class SessionStoreContractTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final StoreLimits LIMITS = new StoreLimits(5, 3, 4, new StoreLimits.ServiceSessions("svc-", 8, 6));
    private static final Holder GW1 = new Holder("gw-1", 1);
    private static final Holder GW2 = new Holder("gw-2", 7);

    protected final MutableClock clock = new MutableClock(1_700_000_000_000L);
    private final List<SessionStore> stores = new ArrayList<>();
    private SessionStore store;
    private SessionStore peer;

    /** A store over the backing state every store of this test shares. */
    protected abstract SessionStore createStore(StoreLimits limits, InstantSource clock);

    /** Empties the shared backing state. */
    protected abstract void wipe();

    @BeforeEach
    void startStores() {
        wipe();
        store = newStore();
        peer = newStore();
    }

    @AfterEach
    void closeStores() {
        stores.forEach(SessionStore::close);
    }

    private SessionStore newStore() {
        SessionStore created = createStore(LIMITS, clock);
        stores.add(created);
        return created;
    }

    @Test
    void newSessionIsNotPresent() {
        OpenResult result = open("c", true, SessionSpec.NEVER_EXPIRES, 10, GW1);

        assertThat(result.sessionPresent()).isFalse();
        assertThat(result.previousHolder()).isNull();
        assertThat(result.deliveries()).isEmpty();
    }

    @Test
    void takeoverAnswersPreviousHolder() {
        open("c", false, SessionSpec.NEVER_EXPIRES, 10, GW1);

        OpenResult takeover = done(peer.open(new SessionSpec("c", false, SessionSpec.NEVER_EXPIRES, 10), GW2));

        assertThat(takeover.previousHolder()).isEqualTo(GW1);
        assertThat(takeover.sessionPresent()).isTrue();
    }

    @Test
    void cleanStartDiscardsPreviousSessionAndAnswersItsFilters() {
        open("c", false, SessionSpec.NEVER_EXPIRES, 10, GW1);
        done(store.subscribe("c", List.of(Subscription.of("a/+", 1), Subscription.of("b", 2))));
        enqueue("c", "m1");

        OpenResult clean = open("c", true, SessionSpec.NEVER_EXPIRES, 10, GW2);

        assertThat(clean.sessionPresent()).isFalse();
        assertThat(clean.previousHolder()).isEqualTo(GW1);
        assertThat(clean.removedFilters()).containsExactlyInAnyOrder("a/+", "b");
        assertThat(clean.deliveries()).isEmpty();
        assertThat(done(store.snapshot()).subscriptions()).isEmpty();
    }

    @Test
    void resumedSessionResendsInflightWithSamePacketIdsAndDup() {
        open("c", false, SessionSpec.NEVER_EXPIRES, 10, GW1);
        List<QueuedDelivery> first = enqueue("c", "m1", "m2").assigned();
        done(store.close("c", GW1, SessionSpec.NEVER_EXPIRES));

        OpenResult resumed = open("c", false, SessionSpec.NEVER_EXPIRES, 10, GW2);

        assertThat(resumed.sessionPresent()).isTrue();
        assertThat(resumed.deliveries()).extracting(QueuedDelivery::packetId)
                .containsExactlyElementsOf(first.stream().map(QueuedDelivery::packetId).toList());
        assertThat(resumed.deliveries()).allMatch(QueuedDelivery::dup);
        assertThat(texts(resumed.deliveries())).containsExactly("m1", "m2");
    }

    @Test
    void resumeReleasesQueuedMessagesAfterInflightWithNewPacketIds() {
        open("c", false, SessionSpec.NEVER_EXPIRES, 1, GW1);
        List<QueuedDelivery> assigned = enqueue("c", "m1", "m2", "m3").assigned();
        assertThat(texts(assigned)).containsExactly("m1");
        done(store.close("c", GW1, SessionSpec.NEVER_EXPIRES));

        OpenResult resumed = open("c", false, SessionSpec.NEVER_EXPIRES, 3, GW2);

        assertThat(texts(resumed.deliveries())).containsExactly("m1", "m2", "m3");
        assertThat(resumed.deliveries()).extracting(QueuedDelivery::dup).containsExactly(true, false, false);
        assertThat(resumed.deliveries()).extracting(QueuedDelivery::packetId).doesNotHaveDuplicates();
        assertThat(resumed.deliveries().getFirst().packetId()).isEqualTo(assigned.getFirst().packetId());
    }

    @Test
    void queuedDeliveriesKeepTheirRetainFlagSubscriptionIdentifiersAndSharedSubscriptionAcrossResume() {
        open("c", false, SessionSpec.NEVER_EXPIRES, 10, GW1);
        done(store.close("c", GW1, SessionSpec.NEVER_EXPIRES));
        StoredMessage addressed = message("m1").addressed(1, true, List.of(7, 300_000), "$share/g/topic");
        done(store.enqueue(Map.of("c", List.of(addressed))));

        OpenResult resumed = done(peer.open(new SessionSpec("c", false, SessionSpec.NEVER_EXPIRES, 10), GW2));

        StoredMessage delivered = resumed.deliveries().getFirst().message();
        assertThat(delivered.retain()).isTrue();
        assertThat(delivered.subscriptionIds()).containsExactly(7, 300_000);
        assertThat(delivered.sharedSubscription()).isEqualTo("$share/g/topic");
    }

    @Test
    @DisplayName("[MQTT-3.3.2-5] a queued message whose expiry passed is dropped, counted, never released")
    void expiredQueuedMessageIsDroppedAndCountedWhenTheSessionResumes() {
        open("c", false, SessionSpec.NEVER_EXPIRES, 10, GW1);
        done(store.close("c", GW1, SessionSpec.NEVER_EXPIRES));
        done(store.enqueue(Map.of("c", List.of(expiring("short", 10), expiring("long", 60), message("forever")))));
        clock.advance(Duration.ofSeconds(11));

        OpenResult resumed = open("c", false, SessionSpec.NEVER_EXPIRES, 10, GW1);

        assertThat(texts(resumed.deliveries())).containsExactly("long", "forever");
        assertThat(resumed.expired()).isEqualTo(1);
    }

    @Test
    void expiredQueuedMessageIsDroppedWhenAnAckFreesTheWindow() {
        open("c", false, SessionSpec.NEVER_EXPIRES, 1, GW1);
        EnqueueResult first = done(store.enqueue(Map.of("c", List.of(message("m1"), expiring("stale", 5),
                message("m3"))))).get("c");
        clock.advance(Duration.ofSeconds(6));

        AckResult acked = done(store.ack("c", GW1, List.of(first.assigned().getFirst().packetId())));

        assertThat(texts(acked.released())).containsExactly("m3");
        assertThat(acked.expired()).isEqualTo(1);
    }

    @Test
    void enqueueDropsAndCountsAMessageThatExpiredBeforeItCouldBeReleased() {
        open("c", false, SessionSpec.NEVER_EXPIRES, 10, GW1);
        StoredMessage stale = expiring("stale", 1);
        clock.advance(Duration.ofSeconds(2));

        EnqueueResult result = done(store.enqueue(Map.of("c", List.of(stale, message("fresh"))))).get("c");

        assertThat(texts(result.assigned())).containsExactly("fresh");
        assertThat(result.expired()).isEqualTo(1);
    }

    @Test
    @DisplayName("MQTT 5 section 4.8.2: an expiring session answers its messages that came through a shared subscription")
    void expiredSessionAnswersItsSharedSubscriptionMessagesInflightFirst() {
        open("c", false, 30, 1, GW1);
        done(store.enqueue(Map.of("c", List.of(shared("s1"), message("plain"), shared("s2")))));
        done(store.close("c", GW1, 30));

        List<EndedSession> expired = done(peer.expireDue(clock.millis() + 30_000));

        assertThat(expired).hasSize(1);
        assertThat(expired.getFirst().orphanedShared()).extracting(m -> text(m.payload()))
                .containsExactly("s1", "s2");
        assertThat(expired.getFirst().orphanedShared()).allMatch(m -> "$share/g/topic".equals(m.sharedSubscription()));
    }

    @Test
    void cleanStartAndEndingCloseAnswerTheDiscardedSessionsSharedSubscriptionMessages() {
        open("c", false, SessionSpec.NEVER_EXPIRES, 10, GW1);
        done(store.enqueue(Map.of("c", List.of(shared("taken-over"), message("plain")))));

        OpenResult takeover = done(peer.open(new SessionSpec("c", true, SessionSpec.NEVER_EXPIRES, 10), GW2));
        assertThat(takeover.orphanedShared()).extracting(m -> text(m.payload())).containsExactly("taken-over");

        done(peer.enqueue(Map.of("c", List.of(shared("at-close")))));
        CloseResult closed = done(peer.close("c", GW2, 0));
        assertThat(closed.orphanedShared()).extracting(m -> text(m.payload())).containsExactly("at-close");

        OpenResult fresh = open("c", true, SessionSpec.NEVER_EXPIRES, 10, GW1);
        assertThat(fresh.orphanedShared()).isEmpty();
    }

    @Test
    void dropRetainedRemovesOnlyTheSameMessage() {
        StoredMessage old = expiring("t/1", "old", 1);
        done(store.retain(old));
        done(store.retain(expiring("t/2", "stale", 1)));
        done(store.retain(message("t/2", "newer")));

        assertThat(done(peer.dropRetained(old))).isTrue();
        assertThat(done(peer.dropRetained(expiring("t/2", "stale", 1)))).isFalse();
        assertThat(done(store.snapshot()).retained()).extracting(m -> text(m.payload())).containsExactly("newer");
    }

    @Test
    void staleHolderCannotCloseSuccessorsSession() {
        open("c", false, SessionSpec.NEVER_EXPIRES, 10, GW1);
        open("c", false, SessionSpec.NEVER_EXPIRES, 10, GW2);

        CloseResult stale = done(store.close("c", GW1, 0));

        assertThat(stale.applied()).isFalse();
        EnqueueResult stillOnline = enqueue("c", "m1");
        assertThat(stillOnline.sessionGone()).isFalse();
        assertThat(stillOnline.holder()).isEqualTo(GW2);
    }

    @Test
    void closeWithExpiryZeroEndsSessionAndAnswersFilters() {
        open("c", true, 0, 10, GW1);
        done(store.subscribe("c", List.of(Subscription.of("x/#", 0))));

        CloseResult closed = done(store.close("c", GW1, 0));

        assertThat(closed.applied()).isTrue();
        assertThat(closed.ended()).isTrue();
        assertThat(closed.removedFilters()).containsExactly("x/#");
        assertThat(enqueue("c", "m1").sessionGone()).isTrue();
        Snapshot snapshot = done(store.snapshot());
        assertThat(snapshot.sessions()).isEmpty();
        assertThat(snapshot.subscriptions()).isEmpty();
    }

    @Test
    void offlineSessionQueuesWithoutAssigning() {
        open("c", false, SessionSpec.NEVER_EXPIRES, 10, GW1);
        CloseResult closed = done(store.close("c", GW1, 60));
        assertThat(closed.applied()).isTrue();
        assertThat(closed.ended()).isFalse();

        EnqueueResult queued = enqueue("c", "m1", "m2");

        assertThat(queued.holder()).isNull();
        assertThat(queued.assigned()).isEmpty();
        assertThat(queued.dropped()).isZero();
        assertThat(queued.sessionGone()).isFalse();
        assertThat(texts(open("c", false, 60, 10, GW2).deliveries())).containsExactly("m1", "m2");
    }

    @Test
    void enqueueToUnknownSessionReportsGone() {
        EnqueueResult result = enqueue("nobody", "m1");

        assertThat(result.sessionGone()).isTrue();
        assertThat(result.assigned()).isEmpty();
        assertThat(result.holder()).isNull();
    }

    @Test
    void enqueueAnswersEachSessionSeparately() {
        open("a", false, SessionSpec.NEVER_EXPIRES, 10, GW1);

        Map<String, EnqueueResult> results = done(store.enqueue(Map.of(
                "a", List.of(message("m1")), "nobody", List.of(message("m2")))));

        assertThat(results.get("a").sessionGone()).isFalse();
        assertThat(texts(results.get("a").assigned())).containsExactly("m1");
        assertThat(results.get("nobody").sessionGone()).isTrue();
    }

    @Test
    void queueBoundDropsNewestAndCountsThem() {
        open("c", false, SessionSpec.NEVER_EXPIRES, 10, GW1);

        EnqueueResult result = enqueue("c", "m1", "m2", "m3", "m4", "m5", "m6", "m7");

        assertThat(result.dropped()).isEqualTo(2);
        assertThat(texts(result.assigned())).containsExactly("m1", "m2", "m3");
        AckResult acked = done(store.ack("c", GW1, result.assigned().stream().map(QueuedDelivery::packetId).toList()));
        assertThat(texts(acked.released())).containsExactly("m4", "m5");
    }

    @Test
    void windowLimitsAssignedToReceiveMaximum() {
        open("c", false, SessionSpec.NEVER_EXPIRES, 2, GW1);

        EnqueueResult result = enqueue("c", "m1", "m2", "m3");

        assertThat(result.holder()).isEqualTo(GW1);
        assertThat(texts(result.assigned())).containsExactly("m1", "m2");
        assertThat(result.assigned()).noneMatch(QueuedDelivery::dup);
    }

    @Test
    void windowNeverExceedsStoreMaxInflight() {
        open("c", false, SessionSpec.NEVER_EXPIRES, 65535, GW1);

        EnqueueResult result = enqueue("c", "m1", "m2", "m3", "m4");

        assertThat(texts(result.assigned())).containsExactly("m1", "m2", "m3");
    }

    @Test
    void aServiceSessionHasItsOwnLargerWindowAndQueueBound() {
        open("svc-bridge", false, SessionSpec.NEVER_EXPIRES, 65535, GW1);
        open("c", false, SessionSpec.NEVER_EXPIRES, 65535, GW1);
        String[] ten = {"m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10"};

        EnqueueResult service = enqueue("svc-bridge", ten);
        EnqueueResult device = enqueue("c", ten);

        assertThat(texts(service.assigned())).containsExactly("m1", "m2", "m3", "m4", "m5", "m6");
        assertThat(service.dropped()).isEqualTo(2);
        assertThat(texts(device.assigned())).containsExactly("m1", "m2", "m3");
        assertThat(device.dropped()).isEqualTo(5);
    }

    @Test
    void ackReleasesNextQueuedMessage() {
        open("c", false, SessionSpec.NEVER_EXPIRES, 1, GW1);
        int first = enqueue("c", "m1", "m2").assigned().getFirst().packetId();

        AckResult acked = done(store.ack("c", GW1, List.of(first)));

        assertThat(acked.holder()).isEqualTo(GW1);
        assertThat(texts(acked.released())).containsExactly("m2");
        assertThat(acked.released().getFirst().dup()).isFalse();
    }

    @Test
    void ackOfUnknownPacketIdReleasesNothing() {
        open("c", false, SessionSpec.NEVER_EXPIRES, 1, GW1);
        int first = enqueue("c", "m1", "m2").assigned().getFirst().packetId();

        AckResult acked = done(store.ack("c", GW1, List.of(PacketIds.next(first))));

        assertThat(acked.holder()).isEqualTo(GW1);
        assertThat(acked.released()).isEmpty();
    }

    @Test
    void staleHolderAckIsIgnored() {
        open("c", false, SessionSpec.NEVER_EXPIRES, 1, GW1);
        int first = enqueue("c", "m1", "m2").assigned().getFirst().packetId();
        open("c", false, SessionSpec.NEVER_EXPIRES, 1, GW2);

        AckResult stale = done(store.ack("c", GW1, List.of(first)));

        assertThat(stale.holder()).isNull();
        assertThat(stale.released()).isEmpty();
        assertThat(texts(done(store.ack("c", GW2, List.of(first))).released())).containsExactly("m2");
    }

    @Test
    void ackAllFreesEverySessionsWindowAndAnswersInOrder() {
        open("c", false, SessionSpec.NEVER_EXPIRES, 2, GW1);
        open("d", false, SessionSpec.NEVER_EXPIRES, 1, GW2);
        List<QueuedDelivery> ofC = enqueue("c", "c1", "c2", "c3", "c4").assigned();
        List<QueuedDelivery> ofD = enqueue("d", "d1", "d2").assigned();

        List<AckResult> acked = done(store.ackAll(List.of(
                new SessionAcks("d", GW2, List.of(ofD.getFirst().packetId())),
                new SessionAcks("c", GW1, ofC.stream().map(QueuedDelivery::packetId).toList()))));

        assertThat(acked).extracting(AckResult::holder).containsExactly(GW2, GW1);
        assertThat(texts(acked.get(0).released())).containsExactly("d2");
        assertThat(texts(acked.get(1).released())).containsExactly("c3", "c4");
    }

    @Test
    void ackAllThenEnqueueFreesTheWindowBeforeAppending() {
        open("c", false, SessionSpec.NEVER_EXPIRES, 1, GW1);
        open("d", false, SessionSpec.NEVER_EXPIRES, 1, GW2);
        int ofC = enqueue("c", "c1").assigned().getFirst().packetId();
        enqueue("d", "d1");

        AcksThenQueued done = done(store.ackAllThenEnqueue(List.of(new SessionAcks("c", GW1, List.of(ofC))),
                Map.of("c", List.of(message("c2")), "d", List.of(message("d2")))));

        assertThat(done.acked()).extracting(AckResult::holder).containsExactly(GW1);
        assertThat(done.acked().getFirst().released()).isEmpty();
        // c's only slot was freed first, so c2 takes it at once; d's window is still full, so d2 waits.
        assertThat(texts(done.queued().get("c").assigned())).containsExactly("c2");
        assertThat(done.queued().get("d").assigned()).isEmpty();
        assertThat(done.queued().get("d").holder()).isEqualTo(GW2);
    }

    @Test
    void ackAllThenEnqueueWithNothingToDoAnswersEmpty() {
        AcksThenQueued done = done(store.ackAllThenEnqueue(List.of(), Map.of()));

        assertThat(done.acked()).isEmpty();
        assertThat(done.queued()).isEmpty();
    }

    @Test
    void ackAllIgnoresAStaleHolderAndStillAcksTheOthers() {
        open("c", false, SessionSpec.NEVER_EXPIRES, 1, GW1);
        open("d", false, SessionSpec.NEVER_EXPIRES, 1, GW1);
        int ofC = enqueue("c", "c1", "c2").assigned().getFirst().packetId();
        int ofD = enqueue("d", "d1", "d2").assigned().getFirst().packetId();

        List<AckResult> acked = done(store.ackAll(List.of(
                new SessionAcks("c", GW2, List.of(ofC)),
                new SessionAcks("d", GW1, List.of(ofD)))));

        assertThat(acked.get(0).holder()).isNull();
        assertThat(acked.get(0).released()).isEmpty();
        assertThat(texts(acked.get(1).released())).containsExactly("d2");
        assertThat(texts(done(store.ack("c", GW1, List.of(ofC))).released())).containsExactly("c2");
    }

    @Test
    void ackOfAMiddleEntryKeepsTheOthersInflightInOrder() {
        open("c", false, SessionSpec.NEVER_EXPIRES, 3, GW1);
        List<QueuedDelivery> inflight = enqueue("c", "m1", "m2", "m3").assigned();
        done(store.ack("c", GW1, List.of(inflight.get(1).packetId())));
        done(store.close("c", GW1, SessionSpec.NEVER_EXPIRES));

        OpenResult resumed = open("c", false, SessionSpec.NEVER_EXPIRES, 3, GW2);

        assertThat(texts(resumed.deliveries())).containsExactly("m1", "m3");
        assertThat(resumed.deliveries()).extracting(QueuedDelivery::packetId)
                .containsExactly(inflight.get(0).packetId(), inflight.get(2).packetId());
    }

    @Test
    void packetIdsStayUniqueAmongInflightAcrossAcks() {
        open("c", false, SessionSpec.NEVER_EXPIRES, 3, GW1);
        List<QueuedDelivery> inflight = new ArrayList<>(enqueue("c", "m1", "m2", "m3").assigned());
        for (int round = 0; round < 5; round++) {
            QueuedDelivery acked = inflight.remove(1);
            inflight.addAll(enqueue("c", "n" + round).assigned());
            inflight.addAll(done(store.ack("c", GW1, List.of(acked.packetId()))).released());
            assertThat(inflight).extracting(QueuedDelivery::packetId).doesNotHaveDuplicates()
                    .allMatch(id -> id >= 1 && id <= 65535);
        }
        assertThat(inflight).hasSize(3);
    }

    @Test
    void pubrecMovesADeliveryToReleasedAndResumeResendsItAsRelease() {
        open("c", false, SessionSpec.NEVER_EXPIRES, 10, GW1);
        List<QueuedDelivery> sent = enqueue("c", "m1", "m2").assigned();
        int first = sent.get(0).packetId();
        int second = sent.get(1).packetId();

        assertThat(done(store.markReleased("c", GW1, List.of(first)))).containsExactly(first);
        done(store.close("c", GW1, SessionSpec.NEVER_EXPIRES));
        OpenResult resumed = open("c", false, SessionSpec.NEVER_EXPIRES, 10, GW2);

        assertThat(resumed.deliveries()).extracting(QueuedDelivery::packetId).containsExactly(first, second);
        assertThat(resumed.deliveries()).extracting(QueuedDelivery::released).containsExactly(true, false);
        assertThat(resumed.deliveries()).allMatch(QueuedDelivery::dup);
    }

    @Test
    void releasedDeliveryKeepsItsWindowSlotUntilPubcomp() {
        open("c", false, SessionSpec.NEVER_EXPIRES, 1, GW1);
        int first = enqueue("c", "m1", "m2").assigned().getFirst().packetId();

        done(store.markReleased("c", GW1, List.of(first)));

        assertThat(enqueue("c", "m3").assigned()).isEmpty();
        AckResult completed = done(store.ack("c", GW1, List.of(first)));
        assertThat(texts(completed.released())).containsExactly("m2");
        assertThat(completed.released()).noneMatch(QueuedDelivery::released);
    }

    @Test
    void completedDeliveryIsNotResentAfterResume() {
        open("c", false, SessionSpec.NEVER_EXPIRES, 10, GW1);
        List<QueuedDelivery> sent = enqueue("c", "m1", "m2").assigned();
        done(store.markReleased("c", GW1, List.of(sent.get(0).packetId())));
        done(store.ack("c", GW1, List.of(sent.get(0).packetId())));
        done(store.close("c", GW1, SessionSpec.NEVER_EXPIRES));

        OpenResult resumed = open("c", false, SessionSpec.NEVER_EXPIRES, 10, GW2);

        assertThat(texts(resumed.deliveries())).containsExactly("m2");
        assertThat(resumed.deliveries().getFirst().released()).isFalse();
    }

    @Test
    void markReleasedIgnoresIdsNotInflightAndStaleHolders() {
        open("c", false, SessionSpec.NEVER_EXPIRES, 10, GW1);
        int first = enqueue("c", "m1").assigned().getFirst().packetId();

        assertThat(done(store.markReleased("c", GW1, List.of(PacketIds.next(first))))).isEmpty();
        open("c", false, SessionSpec.NEVER_EXPIRES, 10, GW2);
        assertThat(done(store.markReleased("c", GW1, List.of(first)))).isEmpty();

        OpenResult resumed = open("c", false, SessionSpec.NEVER_EXPIRES, 10, GW1);
        assertThat(resumed.deliveries()).singleElement().extracting(QueuedDelivery::released).isEqualTo(false);
    }

    @Test
    void receivedPacketIdsAreSeenByEveryStoreUntilReleased() {
        open("p", false, SessionSpec.NEVER_EXPIRES, 10, GW1);

        done(store.markReceived("p", List.of(5, 6)));

        assertThat(done(peer.receivedAlready("p", List.of(5, 6, 7)))).containsExactlyInAnyOrder(5, 6);
        open("p", false, SessionSpec.NEVER_EXPIRES, 10, GW2);
        assertThat(done(peer.forgetReceived("p", GW2, 5))).isTrue();
        assertThat(done(peer.forgetReceived("p", GW2, 5))).as("unknown packet id").isFalse();
        assertThat(done(store.receivedAlready("p", List.of(5, 6)))).containsExactly(6);
    }

    @Test
    void receivedSetIsBoundedAndForgetsTheOldest() {
        open("p", false, SessionSpec.NEVER_EXPIRES, 10, GW1);

        done(store.markReceived("p", List.of(1, 2, 3, 4, 5)));

        assertThat(done(store.receivedAlready("p", List.of(1, 2, 3, 4, 5)))).containsExactlyInAnyOrder(2, 3, 4, 5);
    }

    @Test
    void staleHolderCannotForgetAReceivedPacketId() {
        open("p", false, SessionSpec.NEVER_EXPIRES, 10, GW1);
        done(store.markReceived("p", List.of(9)));
        open("p", false, SessionSpec.NEVER_EXPIRES, 10, GW2);

        assertThat(done(store.forgetReceived("p", GW1, 9))).isFalse();
        assertThat(done(store.receivedAlready("p", List.of(9)))).containsExactly(9);
    }

    @Test
    void cleanStartDiscardsTheReceivedSetAndUnknownSessionsRecordNothing() {
        open("p", false, SessionSpec.NEVER_EXPIRES, 10, GW1);
        done(store.markReceived("p", List.of(3)));
        done(store.markReceived("nobody", List.of(3)));

        open("p", true, SessionSpec.NEVER_EXPIRES, 10, GW2);
        open("nobody", false, SessionSpec.NEVER_EXPIRES, 10, GW2);

        assertThat(done(store.receivedAlready("p", List.of(3)))).isEmpty();
        assertThat(done(store.receivedAlready("nobody", List.of(3)))).isEmpty();
    }

    @Test
    void subscribeAnswersWhetherEachExisted() {
        open("c", false, SessionSpec.NEVER_EXPIRES, 10, GW1);
        done(store.subscribe("c", List.of(Subscription.of("a", 0))));

        List<Boolean> existed = done(store.subscribe("c", List.of(Subscription.of("a", 1), Subscription.of("b", 1))));

        assertThat(existed).containsExactly(true, false);
        assertThat(done(store.snapshot()).subscriptions()).containsExactlyInAnyOrder(
                new Change.SubscriptionAdded("c", Subscription.of("a", 1)),
                new Change.SubscriptionAdded("c", Subscription.of("b", 1)));
    }

    @Test
    void unsubscribeAnswersWhetherEachExisted() {
        open("c", false, SessionSpec.NEVER_EXPIRES, 10, GW1);
        done(store.subscribe("c", List.of(Subscription.of("a", 0))));

        List<Boolean> existed = done(store.unsubscribe("c", List.of("a", "never")));

        assertThat(existed).containsExactly(true, false);
        assertThat(done(store.snapshot()).subscriptions()).isEmpty();
    }

    @Test
    void subscribeWithoutSessionFails() {
        assertThatThrownBy(() -> done(store.subscribe("nobody", List.of(Subscription.of("a", 0)))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nobody");
    }

    @Test
    void retainReplacesAndEmptyPayloadClears() {
        done(store.retain(message("t/1", "old")));
        done(store.retain(message("t/1", "new")));
        done(store.retain(message("t/2", "kept")));
        done(store.retain(message("t/3", "gone")));
        done(store.retain(message("t/3", "")));

        List<StoredMessage> retained = done(peer.snapshot()).retained();

        assertThat(retained).extracting(StoredMessage::topic).containsExactlyInAnyOrder("t/1", "t/2");
        assertThat(retained).extracting(m -> text(m.payload())).containsExactlyInAnyOrder("new", "kept");
    }

    @Test
    void expiredSessionIsGone() {
        open("c", false, 30, 10, GW1);
        done(store.subscribe("c", List.of(Subscription.of("a", 1))));
        done(store.close("c", GW1, 30));

        assertThat(done(store.expireDue(clock.millis() + 29_999))).isEmpty();
        List<EndedSession> expired = done(store.expireDue(clock.millis() + 30_000));

        assertThat(expired).extracting(EndedSession::clientId).containsExactly("c");
        assertThat(enqueue("c", "m1").sessionGone()).isTrue();
        Snapshot snapshot = done(store.snapshot());
        assertThat(snapshot.sessions()).isEmpty();
        assertThat(snapshot.subscriptions()).isEmpty();
    }

    @Test
    void expireDueNeverRemovesSessionThatCameBackOnline() {
        open("c", false, 30, 10, GW1);
        done(store.close("c", GW1, 30));
        open("c", false, 30, 10, GW2);

        assertThat(done(store.expireDue(clock.millis() + 60_000))).isEmpty();
        assertThat(enqueue("c", "m1").holder()).isEqualTo(GW2);
    }

    @Test
    void sessionWhoseExpiryPassedCountsAsAbsent() {
        open("c", false, 30, 10, GW1);
        done(store.subscribe("c", List.of(Subscription.of("a", 1))));
        enqueue("c", "m1");
        done(store.close("c", GW1, 30));
        clock.advance(Duration.ofSeconds(31));

        assertThat(enqueue("c", "m2").sessionGone()).isTrue();
        OpenResult reopened = open("c", false, 30, 10, GW2);

        assertThat(reopened.sessionPresent()).isFalse();
        assertThat(reopened.deliveries()).isEmpty();
        assertThat(reopened.removedFilters()).containsExactly("a");
    }

    @Test
    void neverExpiringSessionIsNotExpired() {
        open("c", false, SessionSpec.NEVER_EXPIRES, 10, GW1);
        done(store.close("c", GW1, SessionSpec.NEVER_EXPIRES));
        clock.advance(Duration.ofDays(400));

        assertThat(done(store.expireDue(clock.millis()))).isEmpty();
        assertThat(open("c", false, SessionSpec.NEVER_EXPIRES, 10, GW2).sessionPresent()).isTrue();
    }

    @Test
    void nonPersistentSessionIsRegisteredButKeepsNoQueue() {
        open("c", true, 0, 10, GW1);

        EnqueueResult result = enqueue("c", "m1");
        OpenResult second = done(peer.open(new SessionSpec("c", true, 0, 10), GW2));

        assertThat(result.sessionGone()).isFalse();
        assertThat(result.assigned()).isEmpty();
        assertThat(result.dropped()).isEqualTo(1);
        assertThat(second.previousHolder()).isEqualTo(GW1);
    }

    @Test
    void aSessionsInflightWindowAndQueueCanBeReadPageByPage() {
        open("c", false, SessionSpec.NEVER_EXPIRES, 2, GW1);
        enqueue("c", "m1", "m2", "m3", "m4");
        done(store.markReleased("c", GW1, List.of(2)));

        List<QueuedDelivery> inflight = done(peer.inflight("c", 0, 10));
        List<StoredMessage> queued = done(peer.queued("c", 0, 10));

        assertThat(inflight).extracting(QueuedDelivery::packetId).containsExactly(1, 2);
        assertThat(inflight).extracting(QueuedDelivery::released).containsExactly(false, true);
        assertThat(texts(inflight)).containsExactly("m1", "m2");
        assertThat(queued).extracting(m -> new String(m.payload(), StandardCharsets.UTF_8)).containsExactly("m3", "m4");
        assertThat(done(peer.queued("c", 1, 10))).hasSize(1);
        assertThat(done(peer.inflight("c", 1, 1))).extracting(QueuedDelivery::packetId).containsExactly(2);
        assertThat(done(peer.queued("nobody", 0, 10))).isEmpty();
        assertThat(done(peer.inflight("nobody", 0, 10))).isEmpty();
    }

    @Test
    void snapshotListsSessionsWithHolderOrNullWhenOffline() {
        open("on", false, SessionSpec.NEVER_EXPIRES, 10, GW1);
        open("off", false, 60, 10, GW2);
        done(store.close("off", GW2, 60));

        List<Change.SessionOnline> sessions = done(peer.snapshot()).sessions();

        assertThat(sessions).extracting(Change.SessionOnline::clientId, Change.SessionOnline::holder,
                Change.SessionOnline::persistent).containsExactlyInAnyOrder(
                tuple("on", GW1, true),
                tuple("off", null, true));
    }

    @Test
    void changesReachOtherInstancesNotTheOrigin() {
        String cursor = done(store.snapshot()).cursor();
        List<Change> seenByStore = new CopyOnWriteArrayList<>();
        List<Change> seenByPeer = new CopyOnWriteArrayList<>();
        store.follow(cursor, seenByStore::add);
        peer.follow(cursor, seenByPeer::add);

        open("s", false, SessionSpec.NEVER_EXPIRES, 10, GW1);
        done(peer.retain(message("r", "x")));

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(seenByPeer).singleElement().isEqualTo(online("s", GW1, SessionSpec.NEVER_EXPIRES));
            assertThat(seenByStore).hasSize(1);
        });
        assertThat(((Change.RetainedSet) seenByStore.getFirst()).message().topic()).isEqualTo("r");
    }

    @Test
    void followDeliversEveryKindOfChangeInOrder() {
        List<Change> seen = new CopyOnWriteArrayList<>();
        peer.follow(done(peer.snapshot()).cursor(), seen::add);

        open("c", false, 60, 10, GW1);
        done(store.subscribe("c", List.of(Subscription.of("a", 1))));
        done(store.unsubscribe("c", List.of("a")));
        done(store.retain(message("t", "x")));
        done(store.retain(message("t", "")));
        done(store.close("c", GW1, 60));
        done(store.expireDue(clock.millis() + 60_000));

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(seen).hasSize(7));
        assertThat(seen.get(0)).isEqualTo(online("c", GW1, 60));
        assertThat(seen.get(1)).isEqualTo(new Change.SubscriptionAdded("c", Subscription.of("a", 1)));
        assertThat(seen.get(2)).isEqualTo(new Change.SubscriptionRemoved("c", "a"));
        assertThat(seen.get(3)).isInstanceOf(Change.RetainedSet.class);
        assertThat(seen.get(4)).isEqualTo(new Change.RetainedCleared("t"));
        assertThat(seen.get(5)).isEqualTo(new Change.SessionOffline("c", false));
        assertThat(seen.get(6)).isEqualTo(new Change.SessionOffline("c", true));
    }

    @Test
    void snapshotPlusFollowMissesNothing() {
        open("c", false, SessionSpec.NEVER_EXPIRES, 10, GW1);
        done(peer.subscribe("c", List.of(Subscription.of("before", 1))));
        Snapshot snapshot = done(store.snapshot());
        done(peer.subscribe("c", List.of(Subscription.of("after", 1))));

        List<Change> followed = new CopyOnWriteArrayList<>();
        store.follow(snapshot.cursor(), followed::add);

        Set<String> filters = new HashSet<>();
        snapshot.subscriptions().forEach(added -> filters.add(added.subscription().filter()));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            Set<String> all = new HashSet<>(filters);
            followed.stream().filter(Change.SubscriptionAdded.class::isInstance)
                    .forEach(change -> all.add(((Change.SubscriptionAdded) change).subscription().filter()));
            assertThat(all).containsExactlyInAnyOrder("before", "after");
        });
    }

    @Test
    void followStopsAfterClose() {
        List<Change> seen = new CopyOnWriteArrayList<>();
        String cursor = done(peer.snapshot()).cursor();
        peer.follow(cursor, seen::add);
        open("first", false, 60, 10, GW1);
        await().atMost(TIMEOUT).until(() -> seen.size() == 1);

        peer.close();
        open("second", false, 60, 10, GW1);
        SessionStore witness = newStore();
        List<Change> witnessed = new CopyOnWriteArrayList<>();
        witness.follow(cursor, witnessed::add);
        await().atMost(TIMEOUT).until(() -> witnessed.size() == 2);

        assertThat(seen).hasSize(1);
    }

    private OpenResult open(String clientId, boolean cleanStart, long expiry, int receiveMaximum, Holder holder) {
        return done(store.open(new SessionSpec(clientId, cleanStart, expiry, receiveMaximum), holder));
    }

    /** A persistent session opened just now with the contract's spec (no client facts given). */
    private Change.SessionOnline online(String clientId, Holder holder, long expiry) {
        return new Change.SessionOnline(clientId, holder, true,
                new ClientInfo(ClientConnect.UNKNOWN, false, expiry, clock.millis(), clock.millis(), 0));
    }

    private EnqueueResult enqueue(String clientId, String... texts) {
        List<StoredMessage> messages = new ArrayList<>();
        for (String text : texts) {
            messages.add(message(text));
        }
        return done(store.enqueue(Map.of(clientId, messages))).get(clientId);
    }

    private static StoredMessage message(String text) {
        return message("topic", text);
    }

    private static StoredMessage message(String topic, String text) {
        return new StoredMessage(topic, text.getBytes(StandardCharsets.UTF_8), 1, false, "pub", 1L, -1, -1,
                null, null, null, List.of());
    }

    private static StoredMessage shared(String text) {
        return message(text).addressed(1, false, List.of(), "$share/g/topic");
    }

    /** A message received now (by the test clock) that expires {@code seconds} later. */
    private StoredMessage expiring(String text, long seconds) {
        return expiring("topic", text, seconds);
    }

    private StoredMessage expiring(String topic, String text, long seconds) {
        return new StoredMessage(topic, text.getBytes(StandardCharsets.UTF_8), 1, false, "pub", clock.millis(), -1,
                seconds, null, null, null, List.of());
    }

    private static List<String> texts(List<QueuedDelivery> deliveries) {
        return deliveries.stream().map(delivery -> text(delivery.message().payload())).toList();
    }

    private static String text(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8);
    }

    private static <T> T done(io.smallrye.mutiny.Uni<T> step) {
        return step.await().atMost(TIMEOUT);
    }
}
