package io.starlingmq.auth.jwt;

/** A token that must not be accepted; the message is the reason given back to the gateway. */
public class TokenRejectedException extends Exception {

    public TokenRejectedException(String reason) {
        super(reason);
    }
}
