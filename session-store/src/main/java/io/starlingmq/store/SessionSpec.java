package io.starlingmq.store;

/**
 * What a CONNECT asks of its session.
 *
 * @param expirySeconds  0: the session ends with the connection; {@link #NEVER_EXPIRES}: never
 * @param receiveMaximum how many QoS 1/2 deliveries the client takes unacknowledged (1..65535)
 * @param connect        who connects, kept for listings
 */
public record SessionSpec(String clientId, boolean cleanStart, long expirySeconds, int receiveMaximum,
                          ClientConnect connect) {

    public static final long NEVER_EXPIRES = 0xFFFFFFFFL;

    public SessionSpec {
        connect = connect == null ? ClientConnect.UNKNOWN : connect;
    }

    /** A spec whose client is not described (the session rules do not depend on it). */
    public SessionSpec(String clientId, boolean cleanStart, long expirySeconds, int receiveMaximum) {
        this(clientId, cleanStart, expirySeconds, receiveMaximum, ClientConnect.UNKNOWN);
    }

    public boolean persistent() {
        return expirySeconds > 0;
    }

    /** The listing's view of this session, connected at {@code connectedAt} in a session begun at {@code createdAt}. */
    public ClientInfo info(long createdAt, long connectedAt) {
        return new ClientInfo(connect, cleanStart, expirySeconds, createdAt, connectedAt, 0);
    }
}
