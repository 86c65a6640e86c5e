package io.starlingmq.store;

/**
 * Bounds the store enforces.
 *
 * @param maxQueuedPerSession messages a session may hold (queued + inflight); the newest are dropped past it
 * @param maxInflight         upper bound on a session's window, whatever Receive Maximum the client asks
 */
public record StoreLimits(int maxQueuedPerSession, int maxInflight) {

    public static final StoreLimits DEFAULTS = new StoreLimits(1000, 32);

    public StoreLimits {
        if (maxQueuedPerSession < 1 || maxInflight < 1 || maxInflight > 65535) {
            throw new IllegalArgumentException("limits out of range: " + maxQueuedPerSession + ", " + maxInflight);
        }
    }
}
