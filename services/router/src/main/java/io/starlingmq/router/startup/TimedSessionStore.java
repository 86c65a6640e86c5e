package io.starlingmq.router.startup;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.starlingmq.store.AckResult;
import io.starlingmq.store.AcksThenQueued;
import io.starlingmq.store.Ban;
import io.starlingmq.store.BanKind;
import io.starlingmq.store.Change;
import io.starlingmq.store.CloseResult;
import io.starlingmq.store.EndedSession;
import io.starlingmq.store.EnqueueResult;
import io.starlingmq.store.Holder;
import io.starlingmq.store.OpenResult;
import io.starlingmq.store.QueuedDelivery;
import io.starlingmq.store.SessionAcks;
import io.starlingmq.store.SessionSpec;
import io.starlingmq.store.SessionStore;
import io.starlingmq.store.Snapshot;
import io.starlingmq.store.StoredMessage;
import io.starlingmq.store.Subscription;
import io.starlingmq.store.Will;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The session store as the router calls it, each call timed ({@code starling.store.call.duration}, by operation,
 * store and outcome): the store library itself stays free of Micrometer.
 */
final class TimedSessionStore implements SessionStore {

    private final SessionStore store;
    private final MeterRegistry registry;
    private final String kind;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    TimedSessionStore(SessionStore store, MeterRegistry registry, String kind) {
        this.store = store;
        this.registry = registry;
        this.kind = kind;
    }

    @Override
    public Uni<OpenResult> open(SessionSpec spec, Holder holder) {
        return timed("open", () -> store.open(spec, holder));
    }

    @Override
    public Uni<CloseResult> close(String clientId, Holder holder, long expirySeconds) {
        return timed("close", () -> store.close(clientId, holder, expirySeconds));
    }

    @Override
    public Uni<List<Boolean>> subscribe(String clientId, List<Subscription> subscriptions) {
        return timed("subscribe", () -> store.subscribe(clientId, subscriptions));
    }

    @Override
    public Uni<List<Boolean>> unsubscribe(String clientId, List<String> filters) {
        return timed("unsubscribe", () -> store.unsubscribe(clientId, filters));
    }

    @Override
    public Uni<Map<String, EnqueueResult>> enqueue(Map<String, List<StoredMessage>> messagesByClient) {
        return timed("enqueue", () -> store.enqueue(messagesByClient));
    }

    @Override
    public Uni<AckResult> ack(String clientId, Holder holder, List<Integer> packetIds) {
        return timed("ack", () -> store.ack(clientId, holder, packetIds));
    }

    @Override
    public Uni<List<AckResult>> ackAll(List<SessionAcks> acks) {
        return timed("ackAll", () -> store.ackAll(acks));
    }

    @Override
    public Uni<AcksThenQueued> ackAllThenEnqueue(List<SessionAcks> acks, Map<String, List<StoredMessage>> messagesByClient) {
        return timed("ackAllThenEnqueue", () -> store.ackAllThenEnqueue(acks, messagesByClient));
    }

    @Override
    public Uni<List<Integer>> markReleased(String clientId, Holder holder, List<Integer> packetIds) {
        return timed("markReleased", () -> store.markReleased(clientId, holder, packetIds));
    }

    @Override
    public Uni<Set<Integer>> receivedAlready(String clientId, List<Integer> packetIds) {
        return timed("receivedAlready", () -> store.receivedAlready(clientId, packetIds));
    }

    @Override
    public Uni<Void> markReceived(String clientId, List<Integer> packetIds) {
        return timed("markReceived", () -> store.markReceived(clientId, packetIds));
    }

    @Override
    public Uni<Boolean> forgetReceived(String clientId, Holder holder, int packetId) {
        return timed("forgetReceived", () -> store.forgetReceived(clientId, holder, packetId));
    }

    @Override
    public Uni<StoredMessage> putWill(String clientId, Holder holder, Will will, boolean cleanStart) {
        return timed("putWill", () -> store.putWill(clientId, holder, will, cleanStart));
    }

    @Override
    public Uni<StoredMessage> endWill(String clientId, Holder holder, boolean send, long expirySeconds) {
        return timed("endWill", () -> store.endWill(clientId, holder, send, expirySeconds));
    }

    @Override
    public Uni<List<StoredMessage>> willsDue(long nowMillis) {
        return timed("willsDue", () -> store.willsDue(nowMillis));
    }

    @Override
    public Uni<Void> retain(StoredMessage message) {
        return timed("retain", () -> store.retain(message));
    }

    @Override
    public Uni<Boolean> dropRetained(StoredMessage expired) {
        return timed("dropRetained", () -> store.dropRetained(expired));
    }

    @Override
    public Uni<List<StoredMessage>> queued(String clientId, long offset, int limit) {
        return timed("queued", () -> store.queued(clientId, offset, limit));
    }

    @Override
    public Uni<List<QueuedDelivery>> inflight(String clientId, long offset, int limit) {
        return timed("inflight", () -> store.inflight(clientId, offset, limit));
    }

    @Override
    public Uni<Void> ban(Ban ban) {
        return timed("ban", () -> store.ban(ban));
    }

    @Override
    public Uni<Boolean> unban(BanKind kind, String who) {
        return timed("unban", () -> store.unban(kind, who));
    }

    @Override
    public Uni<Integer> dropLapsedBans(long nowMillis) {
        return timed("dropLapsedBans", () -> store.dropLapsedBans(nowMillis));
    }

    @Override
    public Uni<List<EndedSession>> expireDue(long nowMillis) {
        return timed("expireDue", () -> store.expireDue(nowMillis));
    }

    @Override
    public Uni<Snapshot> snapshot() {
        return timed("snapshot", store::snapshot);
    }

    @Override
    public void follow(String cursor, Consumer<Change> listener) {
        store.follow(cursor, listener);
    }

    @Override
    public void close() {
        store.close();
    }

    /** Times from subscription to the answer or the failure; the call is made when the Uni is subscribed. */
    private <T> Uni<T> timed(String operation, Supplier<Uni<T>> call) {
        return Uni.createFrom().deferred(() -> {
            long start = System.nanoTime();
            return call.get()
                    .onItem().invoke(item -> timer(operation, "ok").record(System.nanoTime() - start,
                            TimeUnit.NANOSECONDS))
                    .onFailure().invoke(failure -> timer(operation, "error").record(System.nanoTime() - start,
                            TimeUnit.NANOSECONDS));
        });
    }

    private Timer timer(String operation, String outcome) {
        return timers.computeIfAbsent(operation + '/' + outcome, key -> Timer.builder("starling.store.call.duration")
                .description("One session store call, its round trip to Redis included")
                .tags("operation", operation, "store", kind, "outcome", outcome)
                .serviceLevelObjectives(Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(2),
                        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
                        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofSeconds(1))
                .register(registry));
    }
}
