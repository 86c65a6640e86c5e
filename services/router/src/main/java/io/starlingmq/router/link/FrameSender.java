package io.starlingmq.router.link;

import io.grpc.Status;
import io.starlingmq.contract.link.v1.RouterEvent;
import io.starlingmq.contract.link.v1.RouterFrame;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Batches the events for one gateway into frames. Any thread may send; one thread at a time drains
 * (a work-in-progress counter serializes the calls on the sink). A frame is written when it is full or
 * when nothing more is pending, and only while the transport is ready; the rest waits, up to a bound.
 *
 * <p>From half the bound on the stream is congested and says so to its {@link Pressure} (the router then
 * stops reading gateways' frames) until it has drained to a quarter. Past the whole bound, which only a
 * batch already under way can reach, the gateway is too slow: its stream is closed rather than buffered
 * without limit.
 */
public final class FrameSender {

    private static final Logger LOG = Logger.getLogger(FrameSender.class);

    private final FrameSink sink;
    private final int maxEventsPerFrame;
    private final int maxPendingEvents;
    private final Supplier<String> name;
    private final Runnable onOverflow;
    private final Pressure pressure;
    private final int congestedAt;
    private final int relievedAt;
    private final AtomicBoolean congested = new AtomicBoolean();
    /** When the last frame was written, or when events began to wait after none did. */
    private volatile long progressNanos = System.nanoTime();
    private final Queue<RouterEvent> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final AtomicLong framesSent = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private volatile Status failure;
    private volatile boolean completing;
    private volatile boolean ended;

    /**
     * @param maxPendingFrames frames (of {@code maxEventsPerFrame} events) that may wait for the transport
     * @param onOverflow       run once when the bound is exceeded, after the stream was failed
     */
    public FrameSender(FrameSink sink, int maxEventsPerFrame, int maxPendingFrames, Supplier<String> name,
                       Runnable onOverflow) {
        this(sink, maxEventsPerFrame, maxPendingFrames, name, onOverflow, Pressure.NONE);
    }

    /** @param pressure told when this stream becomes congested and when it is relieved */
    public FrameSender(FrameSink sink, int maxEventsPerFrame, int maxPendingFrames, Supplier<String> name,
                       Runnable onOverflow, Pressure pressure) {
        if (maxEventsPerFrame < 1 || maxPendingFrames < 1) {
            throw new IllegalArgumentException("frame bounds must be positive");
        }
        this.sink = sink;
        this.maxEventsPerFrame = maxEventsPerFrame;
        this.maxPendingEvents = Math.multiplyExact(maxEventsPerFrame, maxPendingFrames);
        this.name = name;
        this.onOverflow = onOverflow;
        this.pressure = pressure;
        this.congestedAt = Math.max(1, maxPendingEvents / 2);
        this.relievedAt = maxPendingEvents / 4;
    }

    /** Hears when a stream's outbound backlog crosses its high-water mark and comes back to its low one. */
    public interface Pressure {
        Pressure NONE = new Pressure() {
            @Override
            public void congested() {
            }

            @Override
            public void relieved() {
            }
        };

        void congested();

        void relieved();
    }

    public void send(RouterEvent event) {
        sendAll(List.of(event));
    }

    /** Queues the events in order and drains; events of one call are never split by another caller's. */
    public void sendAll(List<RouterEvent> events) {
        if (events.isEmpty() || isClosed()) {
            return;
        }
        int pendingNow = pendingCount.addAndGet(events.size());
        if (pendingNow == events.size()) {
            progressNanos = System.nanoTime();
        }
        if (pendingNow > maxPendingEvents) {
            overflow();
            return;
        }
        if (pendingNow >= congestedAt && congested.compareAndSet(false, true)) {
            pressure.congested();
        }
        synchronized (pending) {
            pending.addAll(events);
        }
        drain();
    }

    /** Writes what the transport takes now; also called when the transport becomes ready again. */
    public void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            writeReadyFrames();
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    /** Ends the stream normally once the pending events are written. */
    public void complete() {
        completing = true;
        drain();
    }

    /** Ends the stream with an error status; pending events are discarded. */
    public void fail(Status status) {
        if (failure == null) {
            failure = status;
        }
        drain();
    }

    public boolean isClosed() {
        return failure != null || completing || ended;
    }

    /** Frames written to the stream so far. */
    public long framesSent() {
        return framesSent.get();
    }

    public int pendingEvents() {
        return Math.max(0, pendingCount.get());
    }

    /** How long events have waited without a frame being written; 0 when none wait. */
    public long stalledNanos(long nowNanos) {
        return pendingEvents() == 0 ? 0 : nowNanos - progressNanos;
    }

    private void writeReadyFrames() {
        if (ended) {
            pending.clear();
            relieve();
            return;
        }
        if (failure != null) {
            ended = true;
            pending.clear();
            relieve();
            sink.fail(failure);
            return;
        }
        while (!pending.isEmpty() && sink.isReady()) {
            RouterFrame.Builder frame = RouterFrame.newBuilder();
            RouterEvent event;
            while (frame.getEventsCount() < maxEventsPerFrame && (event = pending.poll()) != null) {
                frame.addEvents(event);
            }
            int left = pendingCount.addAndGet(-frame.getEventsCount());
            sink.send(frame.build());
            framesSent.incrementAndGet();
            progressNanos = System.nanoTime();
            if (left <= relievedAt) {
                relieve();
            }
        }
        if (completing && pending.isEmpty()) {
            ended = true;
            sink.complete();
        }
    }

    private void relieve() {
        if (congested.compareAndSet(true, false)) {
            pressure.relieved();
        }
    }

    private void overflow() {
        if (failure != null) {
            return;
        }
        LOG.warnf("gateway %s reads too slowly (more than %d events pending): closing its stream", name.get(),
                maxPendingEvents);
        fail(Status.RESOURCE_EXHAUSTED.withDescription("gateway too slow: outbound bound exceeded"));
        onOverflow.run();
    }
}
