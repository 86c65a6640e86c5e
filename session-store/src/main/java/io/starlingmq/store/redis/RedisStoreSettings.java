package io.starlingmq.store.redis;

import io.starlingmq.store.StoreLimits;
import java.time.Duration;

/**
 * Tuning of the Redis store beyond {@link StoreLimits}; {@link #DEFAULTS} documents each default.
 *
 * @param changeFeedMaxLength approximate bound of the change stream (XADD MAXLEN ~); a follower further behind
 *                            than this misses changes (default 100000)
 * @param followBatchSize     changes read per XREAD (default 500)
 * @param followBlock         how long one XREAD blocks waiting for changes (default 1s)
 * @param reconnectMinBackoff first wait before the follower reconnects after an error (default 100ms)
 * @param reconnectMaxBackoff longest wait between reconnect attempts, doubling up to it (default 5s)
 * @param expireBatchSize     due sessions handled per {@code expireDue} call (default 1000)
 * @param scanBatchSize       hash entries read per HSCAN when taking a snapshot (default 1000)
 * @param replicaWait         whether writes wait for replicas before they count as done (default: no)
 */
public record RedisStoreSettings(int changeFeedMaxLength, int followBatchSize, Duration followBlock,
                                 Duration reconnectMinBackoff, Duration reconnectMaxBackoff, int expireBatchSize,
                                 int scanBatchSize, RedisReplicaWait replicaWait) {

    public static final RedisStoreSettings DEFAULTS = new RedisStoreSettings(100_000, 500, Duration.ofSeconds(1),
            Duration.ofMillis(100), Duration.ofSeconds(5), 1000, 1000, RedisReplicaWait.NONE);

    /** These settings with writes confirmed by replicas as {@code wait} says. */
    public RedisStoreSettings withReplicaWait(RedisReplicaWait wait) {
        return new RedisStoreSettings(changeFeedMaxLength, followBatchSize, followBlock, reconnectMinBackoff,
                reconnectMaxBackoff, expireBatchSize, scanBatchSize, wait);
    }

    public RedisStoreSettings {
        if (changeFeedMaxLength < 1 || followBatchSize < 1 || expireBatchSize < 1 || scanBatchSize < 1) {
            throw new IllegalArgumentException("Redis store bounds must be positive");
        }
        if (followBlock.isNegative() || followBlock.isZero() || reconnectMinBackoff.isNegative()
                || reconnectMaxBackoff.compareTo(reconnectMinBackoff) < 0) {
            throw new IllegalArgumentException("Redis store durations out of range");
        }
    }
}
