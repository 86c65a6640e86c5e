package io.starlingmq.store;

/**
 * A due delayed message claimed by one router: nobody else gets it while the claim lasts. The claimer
 * publishes it and then removes it by {@code id}.
 */
public record DelayedClaim(String id, StoredMessage message) {
}
