package io.starlingmq.router.link;

import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs the inbound work of one stream strictly one task after another: the next starts when the previous
 * one's Uni completed, so the store calls of one frame finish before the next frame begins.
 */
final class InboundSequencer {

    private static final Logger LOG = Logger.getLogger(InboundSequencer.class);

    private final Queue<Supplier<Uni<Void>>> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final int bound;

    /** @param bound tasks that may wait; the stream requests one frame at a time, so few are ever queued */
    InboundSequencer(int bound) {
        this.bound = bound;
    }

    /** Answers false (and runs nothing) when {@code bound} tasks are already waiting. */
    boolean submit(Supplier<Uni<Void>> task) {
        if (outstanding.get() >= bound) {
            return false;
        }
        tasks.add(task);
        if (outstanding.getAndIncrement() == 0) {
            runNext();
        }
        return true;
    }

    private void runNext() {
        Supplier<Uni<Void>> task = tasks.poll();
        Uni<Void> work;
        try {
            work = task.get();
        } catch (RuntimeException e) {
            work = Uni.createFrom().failure(e);
        }
        work.subscribe().with(done -> finished(), failure -> {
            LOG.errorf(failure, "inbound task failed");
            finished();
        });
    }

    private void finished() {
        if (outstanding.decrementAndGet() > 0) {
            runNext();
        }
    }
}
