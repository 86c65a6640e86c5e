package io.starlingmq.gateway.link;

import java.time.Duration;

/** Exponential reconnect delay between a minimum and a maximum; reset once a link works again. */
final class Backoff {

    private final long minMillis;
    private final long maxMillis;
    private long nextMillis;

    Backoff(Duration min, Duration max) {
        this.minMillis = Math.max(1, min.toMillis());
        this.maxMillis = Math.max(minMillis, max.toMillis());
        this.nextMillis = minMillis;
    }

    synchronized long nextDelayMillis() {
        long delay = nextMillis;
        nextMillis = Math.min(maxMillis, nextMillis * 2);
        return delay;
    }

    synchronized void reset() {
        nextMillis = minMillis;
    }
}
