package io.starlingmq.gateway.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * Messages (PUBLISH packets in and out) per second over the last ten seconds, from a total sampled once a
 * second: a gauge an autoscaler can read as it is, where a counter needs a query language's rate().
 */
final class MessageRate {

    static final int WINDOW_SECONDS = 10;

    private final LongAdder messages = new LongAdder();
    /** The total at each of the last samples, a ring; {@code next} is where the next one goes. */
    private final long[] totals = new long[WINDOW_SECONDS + 1];
    private int next;
    private int samples;

    void record() {
        messages.increment();
    }

    /** Takes the total now; called once a second. */
    synchronized void sample() {
        totals[next] = messages.sum();
        next = (next + 1) % totals.length;
        samples = Math.min(samples + 1, totals.length);
    }

    /** Messages per second between the oldest and the newest sample (up to ten seconds); 0 before two samples. */
    synchronized double perSecond() {
        if (samples < 2) {
            return 0;
        }
        long newest = totals[(next - 1 + totals.length) % totals.length];
        long oldest = samples < totals.length ? totals[0] : totals[next];
        return (newest - oldest) / (double) (samples - 1);
    }
}
