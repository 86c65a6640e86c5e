package io.starlingmq.bench.run;

import io.starlingmq.bench.load.RunResult;
import io.starlingmq.bench.brokers.ProcessUsage;
import java.util.List;

/** One repeat of one case against one target, with the processes' usage during it. */
public record Measurement(String target, int repeat, RunResult result, List<ProcessUsage> usage) {

    public static final String MAX_SUSTAINED = "max sustained msg/s";
    public static final String CPU_PERCENT = "CPU % (all processes)";
    public static final String PEAK_RSS_MB = "peak RSS MB (all processes)";
    /** The bench's own JVM over the measured run (publishers, subscribers, accounting), 100 = a core. */
    public static final String BENCH_CPU_PERCENT = "load generator CPU %";

    public double cpuPercent() {
        return usage.stream().mapToDouble(ProcessUsage::cpuPercent).sum();
    }

    public double peakRssMb() {
        return usage.stream().mapToLong(ProcessUsage::peakRssBytes).sum() / 1024.0 / 1024.0;
    }
}
