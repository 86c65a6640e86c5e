package io.starlingmq.bench.kafka;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The router's session store calls by operation, from its timer {@code starling.store.call.duration} (histogram
 * buckets in seconds, count and sum): what one step cost the store, as the difference of two readings.
 */
record StoreCalls(Map<String, Timer> byOperation) {

    /** One operation's calls, total seconds, and cumulative counts per bucket bound (seconds). */
    record Timer(long count, double sumSeconds, Map<Double, Long> buckets) {

        Timer minus(Timer before) {
            Map<Double, Long> diff = new TreeMap<>();
            buckets.forEach((le, n) -> diff.put(le, n - before.buckets.getOrDefault(le, 0L)));
            return new Timer(count - before.count, sumSeconds - before.sumSeconds, diff);
        }

        double meanMillis() {
            return count == 0 ? Double.NaN : 1000 * sumSeconds / count;
        }

        /** The bound (ms) of the first bucket holding at least {@code fraction} of the calls: "p99 ≤ this". */
        double upperBoundMillis(double fraction) {
            if (count == 0) {
                return Double.NaN;
            }
            for (Map.Entry<Double, Long> bucket : new TreeMap<>(buckets).entrySet()) {
                if (bucket.getValue() >= fraction * count) {
                    return 1000 * bucket.getKey();
                }
            }
            return Double.POSITIVE_INFINITY;
        }
    }

    static final StoreCalls NONE = new StoreCalls(Map.of());

    private static final String METER = "starling_store_call_duration_seconds";
    private static final Pattern SAMPLE = Pattern.compile(
            "^" + METER + "_(bucket|count|sum)\\{([^}]*)\\}\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    /** Sums over the other labels (outcome, store) per operation. */
    static StoreCalls parse(String metricsText) {
        Map<String, Long> counts = new TreeMap<>();
        Map<String, Double> sums = new TreeMap<>();
        Map<String, Map<Double, Long>> buckets = new TreeMap<>();
        for (String line : metricsText.split("\n")) {
            Matcher m = SAMPLE.matcher(line.strip());
            if (!m.find()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            Matcher l = LABEL.matcher(m.group(2));
            while (l.find()) {
                labels.put(l.group(1), l.group(2));
            }
            String operation = labels.getOrDefault("operation", "?");
            double value = Double.parseDouble(m.group(3));
            switch (m.group(1)) {
                case "count" -> counts.merge(operation, (long) value, Long::sum);
                case "sum" -> sums.merge(operation, value, Double::sum);
                default -> {
                    String le = labels.get("le");
                    double bound = le == null || le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                    buckets.computeIfAbsent(operation, o -> new TreeMap<>()).merge(bound, (long) value, Long::sum);
                }
            }
        }
        Map<String, Timer> timers = new TreeMap<>();
        counts.forEach((operation, count) -> timers.put(operation, new Timer(count, sums.getOrDefault(operation, 0.0),
                buckets.getOrDefault(operation, Map.of()))));
        return new StoreCalls(Collections.unmodifiableMap(timers));
    }

    StoreCalls minus(StoreCalls before) {
        Map<String, Timer> diff = new TreeMap<>();
        byOperation.forEach((operation, timer) -> {
            Timer earlier = before.byOperation.getOrDefault(operation, new Timer(0, 0, Map.of()));
            Timer d = timer.minus(earlier);
            if (d.count() > 0) {
                diff.put(operation, d);
            }
        });
        return new StoreCalls(Collections.unmodifiableMap(diff));
    }
}
