package io.starlingmq.router.link;

/** A session opened over a gateway stream, remembered so a lost stream can close it. */
public record LinkSession(long connectionId, String clientId, long expirySeconds) {
}
