package io.starlingmq.router.session;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.starlingmq.store.AckResult;
import io.starlingmq.store.EnqueueResult;
import io.starlingmq.store.SessionAcks;
import io.starlingmq.store.SessionStore;
import io.starlingmq.store.StoredMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Appends addressed messages to persistent sessions' queues with one store call, then sends what the store
 * released into their windows, counts what it dropped (queue full, expired) and forgets sessions it found gone.
 * A failure reaches the caller.
 */
@ApplicationScoped
public class SessionQueues {

    private static final Logger LOG = Logger.getLogger(SessionQueues.class);

    @Inject
    SessionStore store;
    @Inject
    Deliveries deliveries;
    @Inject
    RouterMetrics metrics;
    @Inject
    SessionLifecycle lifecycle;
    @Inject
    SharedRedispatch sharedRedispatch;

    public Uni<Void> enqueue(Map<String, List<StoredMessage>> toQueue) {
        if (toQueue.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return store.enqueue(toQueue)
                .call(results -> queued(toQueue, results))
                .replaceWithVoid();
    }

    /**
     * Frees acknowledged windows, then appends, in one store call: {@code onAcked} gets the acknowledgements'
     * results first, so what they released is sent before what the appended messages were assigned.
     */
    public Uni<Void> ackAllThenEnqueue(List<SessionAcks> acks, Map<String, List<StoredMessage>> toQueue,
            Consumer<List<AckResult>> onAcked) {
        return store.ackAllThenEnqueue(acks, toQueue)
                .call(done -> {
                    onAcked.accept(done.acked());
                    return queued(toQueue, done.queued());
                })
                .replaceWithVoid();
    }

    private Uni<?> queued(Map<String, List<StoredMessage>> toQueue, Map<String, EnqueueResult> results) {
        results.forEach(this::enqueued);
        if (results.values().stream().noneMatch(EnqueueResult::sessionGone)) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(results.entrySet())
                .filter(result -> result.getValue().sessionGone())
                .onItem().transformToUniAndConcatenate(gone -> handOnShared(gone.getKey(), toQueue.get(gone.getKey())))
                .collect().last();
    }

    /** Shared deliveries meant for a session that turned out to be gone go to other members of their groups. */
    private Uni<Void> handOnShared(String clientId, List<StoredMessage> meant) {
        return sharedRedispatch.redispatchStored(clientId,
                meant.stream().filter(m -> m.sharedSubscription() != null).toList());
    }

    private void enqueued(String clientId, EnqueueResult result) {
        if (result.sessionGone()) {
            lifecycle.ended(List.of(clientId));
            return;
        }
        if (result.dropped() > 0) {
            LOG.debugf("queue of %s full: %d messages dropped", clientId, result.dropped());
            metrics.dropped(result.dropped());
        }
        metrics.expired(result.expired());
        deliveries.sendQueued(result.holder(), result.assigned());
    }
}
