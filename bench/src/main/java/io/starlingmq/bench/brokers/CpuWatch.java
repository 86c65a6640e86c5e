package io.starlingmq.bench.brokers;

import java.util.Collection;
import java.util.List;

/**
 * CPU used by a set of processes over one phase of a run, as a share of one core (100 = a core busy).
 * Reads /proc at the start and at the end only, at its 10 ms resolution: for phases of a second or more.
 */
public final class CpuWatch {

    private final List<Long> pids;
    private final long cpuStart;
    private final long start = System.nanoTime();

    private CpuWatch(Collection<Long> pids) {
        this.pids = List.copyOf(pids);
        this.cpuStart = cpuNanos(this.pids);
    }

    public static CpuWatch start(Collection<Long> pids) {
        return new CpuWatch(pids);
    }

    /** This JVM: the load generator. */
    public static CpuWatch startOwn() {
        return new CpuWatch(List.of(ProcessHandle.current().pid()));
    }

    public double percentSoFar() {
        return percent(cpuNanos(pids) - cpuStart, System.nanoTime() - start);
    }

    static double percent(long cpuNanos, long wallNanos) {
        return wallNanos <= 0 ? Double.NaN : 100.0 * cpuNanos / wallNanos;
    }

    private static long cpuNanos(List<Long> pids) {
        return pids.stream().mapToLong(pid -> ProcStat.cpuNanos(pid).orElse(0)).sum();
    }
}
