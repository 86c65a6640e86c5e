package io.starlingmq.store;

/**
 * What a CONNECT says about its client beyond the session it asks for. The store keeps it with the session
 * for listings; routing never reads it.
 *
 * @param username        the username in force after authentication, empty when none
 * @param peerAddress     the client's address as {@code host:port}, empty when unknown
 * @param protocolVersion 3 = MQTT 3.1, 4 = 3.1.1, 5 = 5.0; 0 when unknown
 * @param keepAlive       the keep alive granted, in seconds
 */
public record ClientConnect(String username, String peerAddress, int protocolVersion, int keepAlive) {

    /** For callers that know nothing of the client (tests of the session rules). */
    public static final ClientConnect UNKNOWN = new ClientConnect("", "", 0, 0);

    public ClientConnect {
        username = username == null ? "" : username;
        peerAddress = peerAddress == null ? "" : peerAddress;
    }
}
