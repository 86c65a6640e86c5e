package io.starlingmq.store;

import java.time.Duration;

/**
 * Bounds of the delayed messages.
 *
 * @param maxPending how many delayed messages the store holds at most (claimed ones included); more are refused
 * @param claim      how long a claimed message stays reserved for its claimer; past it, if the claimer did not
 *                   remove it (it died before publishing), the message is due again
 */
public record DelayedLimits(int maxPending, Duration claim) {

    public DelayedLimits {
        if (maxPending < 1) {
            throw new IllegalArgumentException("maxPending must be at least 1");
        }
        if (claim.isNegative() || claim.isZero()) {
            throw new IllegalArgumentException("claim must be positive");
        }
    }
}
