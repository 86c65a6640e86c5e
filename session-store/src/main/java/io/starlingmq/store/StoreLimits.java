package io.starlingmq.store;

/**
 * Bounds the store enforces.
 *
 * @param maxQueuedPerSession   messages a session may hold (queued + inflight); the newest are dropped past it
 * @param maxInflight           upper bound on a session's window, whatever Receive Maximum the client asks
 * @param maxReceivedPerSession QoS 2 packet ids of one publisher kept as received (awaiting PUBREL); past it
 *                              the oldest is forgotten
 * @param serviceSessions       larger bounds for the sessions of services such as the bridge
 */
public record StoreLimits(int maxQueuedPerSession, int maxInflight, int maxReceivedPerSession,
                          ServiceSessions serviceSessions) {

    public static final int DEFAULT_MAX_RECEIVED_PER_SESSION = 1000;
    public static final StoreLimits DEFAULTS = new StoreLimits(1000, 32, DEFAULT_MAX_RECEIVED_PER_SESSION);

    public StoreLimits {
        if (maxQueuedPerSession < 1 || maxInflight < 1 || maxInflight > 65535
                || maxReceivedPerSession < 1 || maxReceivedPerSession > 65535) {
            throw new IllegalArgumentException("limits out of range: " + maxQueuedPerSession + ", " + maxInflight
                    + ", " + maxReceivedPerSession);
        }
        serviceSessions = serviceSessions == null ? ServiceSessions.NONE : serviceSessions;
    }

    public StoreLimits(int maxQueuedPerSession, int maxInflight, int maxReceivedPerSession) {
        this(maxQueuedPerSession, maxInflight, maxReceivedPerSession, ServiceSessions.NONE);
    }

    public StoreLimits(int maxQueuedPerSession, int maxInflight) {
        this(maxQueuedPerSession, maxInflight, DEFAULT_MAX_RECEIVED_PER_SESSION);
    }

    /** The queue bound of {@code clientId}'s session. */
    public int maxQueuedFor(String clientId) {
        return serviceSessions.covers(clientId) ? serviceSessions.maxQueued() : maxQueuedPerSession;
    }

    /** The window bound of {@code clientId}'s session. */
    public int maxInflightFor(String clientId) {
        return serviceSessions.covers(clientId) ? serviceSessions.maxInflight() : maxInflight;
    }

    /**
     * Sessions whose client id starts with {@code clientIdPrefix} (the bridge's) hold up to {@code maxQueued}
     * messages and have up to {@code maxInflight} in flight: a service reads for many publishers, and its
     * backlog while it or its destination is away is what a device's bound would drop. An empty prefix
     * covers nobody.
     */
    public record ServiceSessions(String clientIdPrefix, int maxQueued, int maxInflight) {

        public static final ServiceSessions NONE = new ServiceSessions("", 1, 1);

        public ServiceSessions {
            if (maxQueued < 1 || maxInflight < 1 || maxInflight > 65535) {
                throw new IllegalArgumentException("service session limits out of range: " + maxQueued + ", "
                        + maxInflight);
            }
        }

        public boolean covers(String clientId) {
            return !clientIdPrefix.isEmpty() && clientId.startsWith(clientIdPrefix);
        }
    }
}
