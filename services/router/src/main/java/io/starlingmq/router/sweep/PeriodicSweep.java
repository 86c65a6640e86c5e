package io.starlingmq.router.sweep;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/** A store sweep on a Vert.x timer that never overlaps itself: a tick during a slow sweep is skipped. */
public final class PeriodicSweep {

    private static final Logger LOG = Logger.getLogger(PeriodicSweep.class);

    private final Vertx vertx;
    private final String name;
    private final Duration period;
    private final Supplier<Uni<?>> sweep;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long timerId = -1;

    public PeriodicSweep(Vertx vertx, String name, Duration period, Supplier<Uni<?>> sweep) {
        this.vertx = vertx;
        this.name = name;
        this.period = period;
        this.sweep = sweep;
    }

    public void start() {
        timerId = vertx.setPeriodic(Math.max(1, period.toMillis()), id -> runOnce());
    }

    public void stop() {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    public void runOnce() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        sweep.get().subscribe().with(done -> running.set(false), failure -> {
            LOG.warnf(failure, "%s failed", name);
            running.set(false);
        });
    }
}
