package io.starlingmq.bench.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Median, minimum and maximum of repeated measurements, and their spread relative to the median. */
public record Summary(double median, double min, double max, int n) {

    public static Summary of(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values.stream().filter(v -> !Double.isNaN(v)).toList());
        if (sorted.isEmpty()) {
            return new Summary(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Summary(median, sorted.get(0), sorted.get(n - 1), n);
    }

    /** (max - min) / median: 0.1 means the repeats spread over 10 % of the median. */
    public double spread() {
        return median == 0 || n == 0 ? Double.NaN : (max - min) / Math.abs(median);
    }
}
