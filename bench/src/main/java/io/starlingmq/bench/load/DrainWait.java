package io.starlingmq.bench.load;

import io.starlingmq.bench.stats.StreamLedger;
import java.time.Duration;

/**
 * Waits after the publishers stopped until every expected delivery arrived, or arrivals stalled.
 * Stalling is the end of a run, not a failure: what did not arrive counts as lost.
 */
public final class DrainWait {

    private static final long POLL_MILLIS = 20;

    private DrainWait() {
    }

    /** @return nanoTime when the wait ended */
    public static long untilComplete(StreamLedger ledger, Duration stall, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        long lastProgress = System.nanoTime();
        long lastSeen = -1;
        while (System.nanoTime() < end) {
            long missing = ledger.lost();
            if (missing == 0) {
                break;
            }
            long received = ledger.received();
            if (received != lastSeen) {
                lastSeen = received;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > stall.toNanos()) {
                break;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return System.nanoTime();
    }
}
