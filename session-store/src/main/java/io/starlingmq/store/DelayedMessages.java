package io.starlingmq.store;

import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.Optional;

/**
 * Messages kept until their due time (MQTT {@code $delayed/{seconds}/{topic}} publishes), shared by every
 * router. Implemented in Redis ({@code redis.RedisDelayedMessages}) and in memory ({@code memory.InMemoryDelayedMessages});
 * both pass the same contract tests.
 */
public interface DelayedMessages {

    /**
     * Keeps {@code messages} until they are due. Answers, per message and in order, whether it was kept:
     * false when the store already held {@link DelayedLimits#maxPending()} messages. When the answer comes,
     * the kept messages are stored (as durably as the store is).
     */
    Uni<List<Boolean>> schedule(List<DelayedMessage> messages);

    /**
     * Claims at most {@code limit} messages due at {@code nowMillis}, earliest due first (scheduling order among
     * equal due times), in one atomic step: a message claimed by one caller is not handed to another until the
     * claim lapses ({@link DelayedLimits#claim()} after {@code nowMillis}).
     */
    Uni<List<DelayedClaim>> claimDue(long nowMillis, int limit);

    /** Forgets claimed messages once they are published. Unknown ids are ignored. */
    Uni<Void> remove(List<String> ids);

    /** How many messages the store holds (claimed ones included). */
    Uni<Long> pendingCount();

    /**
     * Up to {@code limit} kept messages in the order they fall due, leaving out the first {@code offset} (Redis reads
     * a rank range of the schedule, so a deep page costs what the first does).
     */
    Uni<List<ScheduledMessage>> page(long offset, int limit);

    /** One kept message by its id; empty when there is none (published, removed, or never kept). */
    Uni<Optional<ScheduledMessage>> get(String id);
}
