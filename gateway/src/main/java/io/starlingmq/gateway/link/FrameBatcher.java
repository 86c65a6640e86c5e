package io.starlingmq.gateway.link;

import io.grpc.stub.ClientCallStreamObserver;
import io.starlingmq.contract.link.v1.GatewayEvent;
import io.starlingmq.contract.link.v1.GatewayFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Collects the events bound for one router in a bounded queue and writes them as frames: a frame is
 * flushed when it holds batch-size events or when nothing more is pending. Writing stops while the
 * stream is not ready (gRPC flow control) and resumes from its on-ready callback. All writes happen
 * on one serial executor because a gRPC stream observer is not thread-safe.
 *
 * <p>From half the capacity on the queue is congested: the connections that send stop reading their
 * sockets and wait here until it has drained to a quarter, so a router (or store) that cannot keep up
 * holds the publishers back through TCP long before the queue is full. The other half is room for what
 * is already under way (one packet per connection, session closes, acknowledgements).
 */
final class FrameBatcher {

    private final ArrayBlockingQueue<GatewayEvent> queue;
    private final int congestedAt;
    private final int drainedAt;
    /** Run once each when the queue has drained; in the order they came, so held connections resume fairly. */
    private final Queue<Runnable> waitingForRoom = new ConcurrentLinkedQueue<>();
    private final int batchSize;
    private final Executor serial;
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Runnable frameWritten;
    /** Only read and written on the serial executor. */
    private ClientCallStreamObserver<GatewayFrame> stream;

    FrameBatcher(int capacity, int batchSize, Executor serial) {
        this(capacity, batchSize, serial, () -> { });
    }

    /** @param frameWritten runs once per frame written (on the serial executor), for the link's meters */
    FrameBatcher(int capacity, int batchSize, Executor serial, Runnable frameWritten) {
        this.frameWritten = frameWritten;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.congestedAt = Math.max(1, capacity / 2);
        this.drainedAt = capacity / 4;
        this.batchSize = batchSize;
        this.serial = serial;
    }

    /** False when the queue is full: the event is not sent. */
    boolean offer(GatewayEvent event) {
        if (!queue.offer(event)) {
            return false;
        }
        scheduleDrain();
        return true;
    }

    /** Events waiting to be written. */
    int queued() {
        return queue.size();
    }

    /** True from half the capacity on: senders should stop reading until {@link #whenDrained} runs. */
    boolean congested() {
        return queue.size() >= congestedAt;
    }

    /** Runs the task once the queue is down to a quarter of its capacity: at once if it is already. */
    void whenDrained(Runnable task) {
        waitingForRoom.add(task);
        if (queue.size() <= drainedAt) {
            releaseWaiting();
        }
    }

    private void releaseWaiting() {
        for (Runnable task = waitingForRoom.poll(); task != null; task = waitingForRoom.poll()) {
            task.run();
        }
    }

    /** Starts writing to a new stream; its first frame carries only the given greeting. */
    void attach(ClientCallStreamObserver<GatewayFrame> newStream, GatewayEvent greeting) {
        onSerial(() -> {
            newStream.onNext(GatewayFrame.newBuilder().addEvents(greeting).build());
            stream = newStream;
            drain();
        });
    }

    /** Stops writing to the given stream (it failed); queued events wait for the next one. */
    void detach(ClientCallStreamObserver<GatewayFrame> lost) {
        onSerial(() -> {
            if (stream == lost) {
                stream = null;
            }
        });
    }

    /** Half-closes the current stream after writing what is queued and writable. */
    void complete() {
        onSerial(() -> {
            drain();
            if (stream != null) {
                stream.onCompleted();
                stream = null;
            }
        });
    }

    void scheduleDrain() {
        if (drainScheduled.compareAndSet(false, true)) {
            onSerial(() -> {
                drainScheduled.set(false);
                drain();
            });
        }
    }

    private void onSerial(Runnable task) {
        try {
            serial.execute(task);
        } catch (RejectedExecutionException stopped) {
            // The link is stopping: nothing more is written.
        }
    }

    private void drain() {
        ClientCallStreamObserver<GatewayFrame> current = stream;
        while (current != null && current.isReady() && !queue.isEmpty()) {
            List<GatewayEvent> batch = new ArrayList<>(Math.min(batchSize, queue.size()));
            queue.drainTo(batch, batchSize);
            current.onNext(GatewayFrame.newBuilder().addAllEvents(batch).build());
            frameWritten.run();
        }
        if (!waitingForRoom.isEmpty() && queue.size() <= drainedAt) {
            releaseWaiting();
        }
    }
}
