package io.starlingmq.bench.brokers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Samples CPU time and RSS of named processes from /proc on its own thread while a run goes on. */
public final class ProcessSampler implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 250;

    private final Map<String, Long> pids;
    private final Map<String, Long> cpuStart = new LinkedHashMap<>();
    private final Map<String, Long> peakRss = new LinkedHashMap<>();
    private final long start = System.nanoTime();
    private final Thread thread;
    private volatile boolean running = true;

    public ProcessSampler(Map<String, Long> pids) {
        this.pids = new LinkedHashMap<>(pids);
        pids.forEach((name, pid) -> {
            cpuStart.put(name, ProcStat.cpuNanos(pid).orElse(0));
            peakRss.put(name, ProcStat.rssBytes(pid).orElse(0));
        });
        this.thread = Thread.ofPlatform().daemon().name("bench-sampler").start(this::loop);
    }

    private void loop() {
        while (running) {
            sample();
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void sample() {
        pids.forEach((name, pid) -> {
            OptionalLong rss = ProcStat.rssBytes(pid);
            if (rss.isPresent()) {
                peakRss.merge(name, rss.getAsLong(), Math::max);
            }
        });
    }

    /** Stops sampling and returns the usage of each process over the whole sampling period. */
    public synchronized List<ProcessUsage> finish() {
        running = false;
        thread.interrupt();
        sample();
        double elapsed = (System.nanoTime() - start);
        List<ProcessUsage> usage = new ArrayList<>();
        pids.forEach((name, pid) -> {
            long cpu = ProcStat.cpuNanos(pid).orElse(cpuStart.get(name)) - cpuStart.get(name);
            usage.add(new ProcessUsage(name, 100.0 * cpu / elapsed, peakRss.get(name)));
        });
        return usage;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
