package io.starlingmq.router.link;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether any gateway stream has more outbound events waiting than it should. While one has, the router
 * reads no further frames from any gateway: the streams' next requests are parked here and made once
 * every stream has drained. gRPC flow control then fills the gateways' link queues, and the gateways stop
 * reading their publishers' sockets. So a gateway that reads its deliveries too slowly holds the
 * publishers back instead of growing the router's buffers or losing its stream.
 */
@ApplicationScoped
public class OutboundCongestion {

    private final AtomicInteger congestedStreams = new AtomicInteger();
    private final AtomicLong episodes = new AtomicLong();
    private final Queue<Runnable> parked = new ConcurrentLinkedQueue<>();

    /** A stream went above its high-water mark. */
    void congested() {
        if (congestedStreams.incrementAndGet() == 1) {
            episodes.incrementAndGet();
        }
    }

    /** How many times the router stopped reading every gateway stream because one became congested. */
    public long episodes() {
        return episodes.get();
    }

    /** A stream came down to its low-water mark, or ended while above it. */
    void relieved() {
        if (congestedStreams.decrementAndGet() == 0) {
            runParked();
        }
    }

    public boolean isCongested() {
        return congestedStreams.get() > 0;
    }

    /** Runs the task now if no stream is congested, else once none is (on the thread that relieves the last). */
    void whenClear(Runnable task) {
        if (!isCongested()) {
            task.run();
            return;
        }
        parked.add(task);
        // The last stream may have been relieved between the check and the add.
        if (!isCongested()) {
            runParked();
        }
    }

    private void runParked() {
        for (Runnable task = parked.poll(); task != null; task = parked.poll()) {
            task.run();
        }
    }
}
