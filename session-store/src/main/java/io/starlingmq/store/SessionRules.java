package io.starlingmq.store;

/** Rules both implementations share for a session's window and expiry time. */
public final class SessionRules {

    /** The expiry time of a session that never expires. */
    public static final long NO_EXPIRY = -1;

    private SessionRules() {
    }

    /** The inflight window: what the client takes, capped by the store's limit for its session. */
    public static int window(SessionSpec spec, StoreLimits limits) {
        return Math.max(1, Math.min(spec.receiveMaximum(), limits.maxInflightFor(spec.clientId())));
    }

    /** Epoch millis a session closed now expires at, or {@link #NO_EXPIRY} for never. */
    public static long expiresAt(long nowMillis, long expirySeconds) {
        return expirySeconds >= SessionSpec.NEVER_EXPIRES ? SessionRules.NO_EXPIRY : nowMillis + expirySeconds * 1000;
    }
}
