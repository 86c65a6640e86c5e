package io.starlingmq.bench.stats;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Thread-safe end-to-end latency recording; values above a minute are clamped, not dropped. */
public final class LatencyRecorder {

    private static final long HIGHEST_MICROS = 60_000_000L;

    private final Recorder recorder = new Recorder(HIGHEST_MICROS, 3);
    private final Histogram total = new Histogram(HIGHEST_MICROS, 3);

    public void recordNanos(long nanos) {
        long micros = Math.max(0, nanos / 1000);
        recorder.recordValue(Math.min(micros, HIGHEST_MICROS));
    }

    /** Everything recorded so far, as percentiles. */
    public synchronized Percentiles percentiles() {
        total.add(recorder.getIntervalHistogram());
        return Percentiles.of(total);
    }
}
