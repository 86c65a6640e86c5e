package io.starlingmq.store;

/**
 * What a CONNECT asks of its session.
 *
 * @param expirySeconds  0: the session ends with the connection; {@link #NEVER_EXPIRES}: never
 * @param receiveMaximum how many QoS 1/2 deliveries the client takes unacknowledged (1..65535)
 */
public record SessionSpec(String clientId, boolean cleanStart, long expirySeconds, int receiveMaximum) {

    public static final long NEVER_EXPIRES = 0xFFFFFFFFL;

    public boolean persistent() {
        return expirySeconds > 0;
    }
}
