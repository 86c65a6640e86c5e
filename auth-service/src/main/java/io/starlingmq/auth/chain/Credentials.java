package io.starlingmq.auth.chain;

/** What a gateway learnt from a CONNECT; every field but the client id may be null. */
public record Credentials(
        String clientId,
        String username,
        String password,
        String peerAddress,
        String certificateSubject,
        Integer protocolVersion) {

    public boolean hasPassword() {
        return password != null && !password.isEmpty();
    }
}
