package io.starlingmq.store.redis;

import java.time.Duration;

/**
 * Whether a write counts as done only once replicas hold it: each batch of writes is followed, on its
 * connection, by {@code WAIT replicas timeout}. Redis replicates asynchronously; without this, a primary that
 * dies can take writes it already answered with it, and a promoted replica never saw them.
 *
 * @param replicas how many replicas must confirm a write; 0 = do not wait (the default)
 * @param timeout  how long to wait for them; a write they did not confirm in time fails
 */
public record RedisReplicaWait(int replicas, Duration timeout) {

    public static final RedisReplicaWait NONE = new RedisReplicaWait(0, Duration.ofSeconds(1));

    public RedisReplicaWait {
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas to wait for must be 0 or more");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the replica wait timeout must be positive");
        }
    }

    boolean enabled() {
        return replicas > 0;
    }
}
