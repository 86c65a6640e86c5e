package io.starlingmq.store;

/**
 * A session as listings show it: its last CONNECT's facts and its times, as the store recorded them.
 *
 * @param cleanStart     the last CONNECT's Clean Start (3.1.1: clean session)
 * @param expirySeconds  the session's expiry interval ({@link SessionSpec#NEVER_EXPIRES} for never)
 * @param createdAt      epoch millis the session began (a clean start begins a new one)
 * @param connectedAt    epoch millis of its last CONNECT
 * @param disconnectedAt epoch millis its last connection ended; 0 while connected
 */
public record ClientInfo(ClientConnect connect, boolean cleanStart, long expirySeconds, long createdAt,
                         long connectedAt, long disconnectedAt) {

    /** What an entry written before the store kept these facts reads as. */
    public static final ClientInfo UNKNOWN = new ClientInfo(ClientConnect.UNKNOWN, false, 0, 0, 0, 0);

    /** The same facts once the connection ended at {@code atMillis}. */
    public ClientInfo disconnected(long atMillis) {
        return new ClientInfo(connect, cleanStart, expirySeconds, createdAt, connectedAt, atMillis);
    }
}
