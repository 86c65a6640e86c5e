package io.starlingmq.bench.load;

import io.starlingmq.bench.stats.Percentiles;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one run measured, as named metrics (name includes the unit). Order is the order of the report.
 *
 * @param passed whether the run met the sustained-rate criterion (no loss, p99 within bound, rate reached)
 */
public record RunResult(Map<String, Double> metrics, Percentiles latency, boolean passed, String note) {

    public static final String DELIVERED_PER_SECOND = "delivered msg/s";
    public static final String SENT_PER_SECOND = "sent msg/s";
    public static final String P50 = "p50 ms";
    public static final String P99 = "p99 ms";
    public static final String P999 = "p99.9 ms";
    public static final String LOST = "lost";
    public static final String DUPLICATES = "duplicates";
    public static final String OUT_OF_ORDER = "out of order";
    public static final String PUBLISH_ERRORS = "publish errors";
    public static final String SENT = "sent";
    /** Publishes outstanding per publisher: --window, or the broker's Receive Maximum as the raw client met it. */
    public static final String WINDOW = "window per publisher";
    public static final String PUBLISHERS_DISCONNECTED = "publishers disconnected by the broker";
    public static final String SUBSCRIBERS_DISCONNECTED = "subscribers disconnected by the broker";

    public RunResult {
        metrics = new LinkedHashMap<>(metrics);
    }

    public double metric(String name) {
        return metrics.getOrDefault(name, Double.NaN);
    }

    public RunResult with(String name, double value) {
        Map<String, Double> copy = new LinkedHashMap<>(metrics);
        copy.put(name, value);
        return new RunResult(copy, latency, passed, note);
    }

    /** The note with {@code more} appended. */
    public RunResult withNote(String more) {
        return new RunResult(metrics, latency, passed, note.isEmpty() ? more : note + "; " + more);
    }

    public RunResult withAll(Map<String, Double> more) {
        Map<String, Double> copy = new LinkedHashMap<>(metrics);
        copy.putAll(more);
        return new RunResult(copy, latency, passed, note);
    }
}
