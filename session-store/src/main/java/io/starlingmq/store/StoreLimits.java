package io.starlingmq.store;

/**
 * Bounds the store enforces.
 *
 * @param maxQueuedPerSession   messages a session may hold (queued + inflight); the newest are dropped past it
 * @param maxInflight           upper bound on a session's window, whatever Receive Maximum the client asks
 * @param maxReceivedPerSession QoS 2 packet ids of one publisher kept as received (awaiting PUBREL); past it
 *                              the oldest is forgotten
 */
public record StoreLimits(int maxQueuedPerSession, int maxInflight, int maxReceivedPerSession) {

    public static final int DEFAULT_MAX_RECEIVED_PER_SESSION = 1000;
    public static final StoreLimits DEFAULTS = new StoreLimits(1000, 32, DEFAULT_MAX_RECEIVED_PER_SESSION);

    public StoreLimits {
        if (maxQueuedPerSession < 1 || maxInflight < 1 || maxInflight > 65535
                || maxReceivedPerSession < 1 || maxReceivedPerSession > 65535) {
            throw new IllegalArgumentException("limits out of range: " + maxQueuedPerSession + ", " + maxInflight
                    + ", " + maxReceivedPerSession);
        }
    }

    public StoreLimits(int maxQueuedPerSession, int maxInflight) {
        this(maxQueuedPerSession, maxInflight, DEFAULT_MAX_RECEIVED_PER_SESSION);
    }
}
