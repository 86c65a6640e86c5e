package io.starlingmq.bench.run;

import io.starlingmq.bench.stats.Summary;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Every measurement of one case, and their summaries per target and metric. */
public record CaseResults(BenchCase benchCase, List<Measurement> measurements) {

    public CaseResults {
        measurements = new ArrayList<>(measurements);
    }

    /** Metric names in first-seen order, then CPU and RSS. */
    public List<String> metricNames() {
        Set<String> names = new LinkedHashSet<>();
        measurements.forEach(m -> names.addAll(m.result().metrics().keySet()));
        names.add(Measurement.CPU_PERCENT);
        names.add(Measurement.PEAK_RSS_MB);
        return List.copyOf(names);
    }

    public List<Double> values(String target, String metric) {
        return measurements.stream().filter(m -> m.target().equals(target)).map(m -> value(m, metric)).toList();
    }

    public Summary summary(String target, String metric) {
        return Summary.of(values(target, metric));
    }

    private static double value(Measurement m, String metric) {
        return switch (metric) {
            case Measurement.CPU_PERCENT -> m.cpuPercent();
            case Measurement.PEAK_RSS_MB -> m.peakRssMb();
            default -> m.result().metric(metric);
        };
    }
}
