package io.starlingmq.bench.scenario;

import io.starlingmq.bench.counters.BrokerMemory;
import java.util.concurrent.atomic.AtomicLong;

/** Resident memory of the broker's connection holder at the start of a run and its peak during it, sampled every 250 ms. */
final class RssWatch implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 250;

    private final BrokerMemory memory;
    private final long startBytes;
    private final AtomicLong peakBytes;
    private final Thread thread;
    private volatile boolean running = true;

    RssWatch(BrokerMemory memory) {
        this.memory = memory;
        this.startBytes = memory.connectionHolderRssBytes();
        this.peakBytes = new AtomicLong(startBytes);
        this.thread = Thread.ofPlatform().daemon().name("bench-rss-watch").start(this::loop);
    }

    private void loop() {
        while (running) {
            peakBytes.accumulateAndGet(memory.connectionHolderRssBytes(), Math::max);
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    double startMb() {
        return startBytes / 1024.0 / 1024.0;
    }

    double peakMb() {
        peakBytes.accumulateAndGet(memory.connectionHolderRssBytes(), Math::max);
        return peakBytes.get() / 1024.0 / 1024.0;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
