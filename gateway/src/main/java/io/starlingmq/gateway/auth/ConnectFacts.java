package io.starlingmq.gateway.auth;

/**
 * What a CONNECT tells about who is connecting. {@code username}, {@code password},
 * {@code certificateSubject} and {@code authenticationMethod} (the MQTT 5 property, for enhanced
 * authentication) may be null. {@code protocolVersion} is the MQTT protocol level: 3, 4 (3.1.1) or 5.
 */
public record ConnectFacts(
        String clientId,
        String username,
        byte[] password,
        String peerAddress,
        String certificateSubject,
        int protocolVersion,
        String authenticationMethod) {

    public boolean mqtt5() {
        return protocolVersion == 5;
    }

    /** Leaves the password out, so facts can be logged. */
    @Override
    public String toString() {
        return "ConnectFacts[clientId=" + clientId + ", username=" + username + ", peer=" + peerAddress
                + ", certificateSubject=" + certificateSubject + ", protocolVersion=" + protocolVersion
                + ", authenticationMethod=" + authenticationMethod + "]";
    }
}
