package io.starlingmq.auth.chain;

import io.smallrye.mutiny.Uni;

/** One link of the chain. Called on a Vert.x event loop: blocking work must be moved off it. */
public interface Authenticator {

    /** The name used in {@code starling.auth.chain}. */
    String name();

    Uni<AuthDecision> authenticate(Credentials credentials);
}
