package io.starlingmq.store;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** How every {@link DelayedMessages} keeps, hands out and forgets delayed messages. */
public abstract class DelayedMessagesContractTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final long NOW = 1_700_000_000_000L;
    private static final Duration CLAIM = Duration.ofSeconds(30);
    protected static final DelayedLimits LIMITS = new DelayedLimits(1000, CLAIM);

    private DelayedMessages store;

    /** A store on empty state. */
    protected abstract DelayedMessages createStore(DelayedLimits limits);

    /** Another store on the same state, as another router (or a restarted one) would see it. */
    protected abstract DelayedMessages peerOf(DelayedMessages store, DelayedLimits limits);

    @BeforeEach
    void startStore() {
        store = createStore(LIMITS);
    }

    @Test
    void aMessageIsHandedOutOnlyOnceDueWithEverythingItCarries() {
        StoredMessage message = new StoredMessage("plant/7/alarm", bytes("hot"), 2, true, "pub-1", NOW, 1, 60,
                "text/plain", "plant/7/ack", bytes("corr"), List.of(new StoredMessage.UserProperty("k", "v")));
        assertThat(done(store.schedule(List.of(new DelayedMessage(NOW + 3000, message))))).containsExactly(true);

        assertThat(done(store.claimDue(NOW + 2999, 10))).isEmpty();

        List<DelayedClaim> claims = done(store.claimDue(NOW + 3000, 10));
        assertThat(claims).hasSize(1);
        StoredMessage claimed = claims.get(0).message();
        assertThat(claimed).usingRecursiveComparison().isEqualTo(message);
    }

    @Test
    void dueMessagesComeEarliestFirstAndInSchedulingOrderWhenDueTogether() {
        done(store.schedule(List.of(delayed("late", NOW + 20), delayed("first", NOW + 10), delayed("second", NOW + 10))));
        done(store.schedule(List.of(delayed("third", NOW + 10))));

        assertThat(payloads(done(store.claimDue(NOW + 100, 10)))).containsExactly("first", "second", "third", "late");
    }

    @Test
    void oneClaimTakesAtMostItsLimit() {
        done(store.schedule(IntStream.range(0, 5).mapToObj(i -> delayed("m" + i, NOW)).toList()));

        assertThat(payloads(done(store.claimDue(NOW, 2)))).containsExactly("m0", "m1");
        assertThat(payloads(done(store.claimDue(NOW, 10)))).containsExactly("m2", "m3", "m4");
    }

    @Test
    void aClaimedMessageIsNotHandedOutAgainWhileItsClaimLasts() {
        done(store.schedule(List.of(delayed("once", NOW))));
        DelayedMessages peer = peerOf(store, LIMITS);

        assertThat(done(store.claimDue(NOW, 10))).hasSize(1);

        assertThat(done(peer.claimDue(NOW + CLAIM.toMillis() - 1, 10))).isEmpty();
        assertThat(done(store.claimDue(NOW + CLAIM.toMillis() - 1, 10))).isEmpty();
    }

    @Test
    void aMessageWhoseClaimerNeverRemovedItIsDueAgainWhenTheClaimLapses() {
        done(store.schedule(List.of(delayed("retry", NOW))));
        done(store.claimDue(NOW, 10));

        DelayedMessages peer = peerOf(store, LIMITS);
        assertThat(payloads(done(peer.claimDue(NOW + CLAIM.toMillis(), 10)))).containsExactly("retry");
    }

    @Test
    void aRemovedMessageIsGoneForGood() {
        done(store.schedule(List.of(delayed("published", NOW), delayed("kept", NOW + 5000))));
        List<DelayedClaim> claims = done(store.claimDue(NOW, 10));

        done(store.remove(claims.stream().map(DelayedClaim::id).toList()));

        assertThat(done(store.pendingCount())).isEqualTo(1);
        assertThat(payloads(done(store.claimDue(NOW + CLAIM.toMillis() * 10, 10)))).containsExactly("kept");
    }

    @Test
    void removingUnknownIdsChangesNothing() {
        done(store.schedule(List.of(delayed("kept", NOW))));

        done(store.remove(List.of("42", "not-an-id")));

        assertThat(done(store.pendingCount())).isEqualTo(1);
    }

    @Test
    void messagesBeyondMaxPendingAreRefusedAndRoomComesBackWhenOnesAreRemoved() {
        DelayedMessages small = createStore(new DelayedLimits(2, CLAIM));

        assertThat(done(small.schedule(List.of(delayed("a", NOW), delayed("b", NOW), delayed("c", NOW)))))
                .containsExactly(true, true, false);
        assertThat(done(small.schedule(List.of(delayed("d", NOW))))).containsExactly(false);
        assertThat(done(small.pendingCount())).isEqualTo(2);

        List<DelayedClaim> claimed = done(small.claimDue(NOW, 1));
        assertThat(done(small.schedule(List.of(delayed("e", NOW))))).as("a claimed message still counts")
                .containsExactly(false);
        done(small.remove(claimed.stream().map(DelayedClaim::id).toList()));
        assertThat(done(small.schedule(List.of(delayed("e", NOW))))).containsExactly(true);
    }

    @Test
    void scheduledMessagesOutliveTheStoreInstanceThatKeptThem() {
        done(store.schedule(List.of(delayed("durable", NOW + 1000))));

        DelayedMessages restarted = peerOf(store, LIMITS);

        assertThat(payloads(done(restarted.claimDue(NOW + 1000, 10)))).containsExactly("durable");
    }

    @Test
    void twoStoresClaimingAtOnceNeverGetTheSameMessage() throws Exception {
        int count = 300;
        done(store.schedule(IntStream.range(0, count).mapToObj(i -> delayed("m" + i, NOW)).toList()));
        DelayedMessages peer = peerOf(store, LIMITS);
        List<String> claimedIds = Collections.synchronizedList(new ArrayList<>());
        ExecutorService claimers = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> tasks = List.of(store, peer, store, peer).stream()
                    .<Callable<Void>>map(s -> () -> claimUntilEmpty(s, claimedIds)).toList();
            for (Future<Void> finished : claimers.invokeAll(tasks)) {
                finished.get();
            }
        } finally {
            claimers.shutdownNow();
        }

        assertThat(claimedIds).hasSize(count).doesNotHaveDuplicates();
    }

    @Test
    void keptMessagesArePagedInTheOrderTheyFallDue() {
        done(store.schedule(List.of(delayed("c", NOW + 30), delayed("a", NOW + 10), delayed("b", NOW + 20),
                delayed("d", NOW + 40))));

        List<ScheduledMessage> first = done(store.page(0, 2));
        List<ScheduledMessage> second = done(store.page(2, 2));

        assertThat(first).extracting(m -> text(m.message())).containsExactly("a", "b");
        assertThat(first).extracting(ScheduledMessage::dueAtMillis).containsExactly(NOW + 10, NOW + 20);
        assertThat(second).extracting(m -> text(m.message())).containsExactly("c", "d");
        assertThat(done(store.page(4, 2))).isEmpty();
    }

    @Test
    void aKeptMessageIsFoundByItsIdUntilRemoved() {
        done(store.schedule(List.of(delayed("x", NOW + 10))));
        String id = done(store.page(0, 1)).getFirst().id();

        assertThat(done(peerOf(store, LIMITS).get(id))).hasValueSatisfying(found -> {
            assertThat(text(found.message())).isEqualTo("x");
            assertThat(found.dueAtMillis()).isEqualTo(NOW + 10);
        });

        done(store.remove(List.of(id)));
        assertThat(done(store.get(id))).isEmpty();
        assertThat(done(store.get("no-such-id"))).isEmpty();
    }

    private static String text(StoredMessage message) {
        return new String(message.payload(), StandardCharsets.UTF_8);
    }

    private static Void claimUntilEmpty(DelayedMessages store, List<String> claimedIds) {
        List<DelayedClaim> claims;
        do {
            claims = done(store.claimDue(NOW, 7));
            claims.forEach(claim -> claimedIds.add(claim.id()));
        } while (!claims.isEmpty());
        return null;
    }

    private static DelayedMessage delayed(String payload, long dueAt) {
        return new DelayedMessage(dueAt, StoredMessage.of("later/topic", bytes(payload), 1, false, "pub"));
    }

    private static List<String> payloads(List<DelayedClaim> claims) {
        return claims.stream().map(c -> new String(c.message().payload(), StandardCharsets.UTF_8)).toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static <T> T done(Uni<T> step) {
        return step.await().atMost(TIMEOUT);
    }
}
