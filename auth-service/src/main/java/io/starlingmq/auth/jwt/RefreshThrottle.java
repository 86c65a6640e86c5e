package io.starlingmq.auth.jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Lets at most one on-demand refresh through per interval, so unknown key ids cannot flood an issuer. */
final class RefreshThrottle {

    private final Clock clock;
    private final Duration minInterval;
    private Instant last = Instant.MIN;

    RefreshThrottle(Clock clock, Duration minInterval) {
        this.clock = clock;
        this.minInterval = minInterval;
    }

    synchronized boolean tryAcquire() {
        Instant now = clock.instant();
        if (last != Instant.MIN && now.isBefore(last.plus(minInterval))) {
            return false;
        }
        last = now;
        return true;
    }
}
