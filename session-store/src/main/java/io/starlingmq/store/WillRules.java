package io.starlingmq.store;

/** Rules both implementations share for wills. */
public final class WillRules {

    private WillRules() {
    }

    /**
     * Seconds from the end of the connection until the will is published: its delay, or the session's
     * expiry when that comes first (MQTT 5 §3.1.2.5: the will goes out when the session ends).
     */
    public static long effectiveDelay(long willDelaySeconds, long sessionExpirySeconds) {
        return Math.min(willDelaySeconds, sessionExpirySeconds);
    }
}
