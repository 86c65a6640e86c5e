package io.starlingmq.store.redis;

/** A write that fewer replicas than required confirmed in time: it may be lost in a failover, so it is not done. */
public final class RedisReplicaWaitException extends IllegalStateException {

    RedisReplicaWaitException(long confirmed, RedisReplicaWait wait) {
        super("a write was confirmed by " + confirmed + " replica(s) of the " + wait.replicas() + " required within "
                + wait.timeout().toMillis() + " ms");
    }
}
