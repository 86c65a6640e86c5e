package io.starlingmq.gateway.auth;

/**
 * What a CONNECT tells about who is connecting. {@code username}, {@code password},
 * {@code certificateSubject}, {@code authenticationMethod} and {@code authenticationData} (the
 * MQTT 5 properties of enhanced authentication) may be null. {@code protocolVersion} is the MQTT
 * protocol level: 3, 4 (3.1.1) or 5.
 */
public record ConnectFacts(
        String clientId,
        String username,
        byte[] password,
        String peerAddress,
        String certificateSubject,
        int protocolVersion,
        String authenticationMethod,
        byte[] authenticationData) {

    public boolean mqtt5() {
        return protocolVersion == 5;
    }

    /** The secret the auth service judges: the Authentication Data under enhanced authentication, else the password. */
    public byte[] credential() {
        return authenticationMethod != null ? authenticationData : password;
    }

    /**
     * The same identity presenting fresh Authentication Data (an MQTT 5 re-authentication); the
     * CONNECT's password is left out, it is not part of enhanced authentication.
     */
    public ConnectFacts withAuthenticationData(byte[] data) {
        return new ConnectFacts(clientId, username, null, peerAddress, certificateSubject, protocolVersion,
                authenticationMethod, data);
    }

    /** Leaves the password and authentication data out, so facts can be logged. */
    @Override
    public String toString() {
        return "ConnectFacts[clientId=" + clientId + ", username=" + username + ", peer=" + peerAddress
                + ", certificateSubject=" + certificateSubject + ", protocolVersion=" + protocolVersion
                + ", authenticationMethod=" + authenticationMethod + "]";
    }
}
