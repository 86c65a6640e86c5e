package io.starlingmq.bench.autoscale;

import io.starlingmq.testing.fleet.FleetClock;
import io.starlingmq.testing.fleet.FleetLoad;
import java.util.List;
import java.util.function.Consumer;

/**
 * The load's shape over time: the number of idle clients (each holding a connection and a subscription)
 * follows straight lines between {@link Point}s; a thread brings the fleet load to it a few times a second,
 * connecting new clients in batches, or disconnecting the ones added last.
 */
final class LoadRamp implements AutoCloseable {

    /** At {@code seconds} into the run, {@code idle} idle clients. */
    record Point(double seconds, int idle) {
    }

    private static final long STEP_MILLIS = 250;

    private final List<Point> points;
    private final FleetLoad load;
    private final long originNanos;
    private final Consumer<String> failures;
    private final Thread thread;
    private volatile boolean stopped;
    private int idle;

    /** {@code originNanos}: the run's start on the {@link FleetClock}. */
    LoadRamp(List<Point> points, FleetLoad load, int initialIdle, long originNanos, Consumer<String> failures) {
        this.points = List.copyOf(points);
        this.load = load;
        this.idle = initialIdle;
        this.originNanos = originNanos;
        this.failures = failures;
        this.thread = Thread.ofPlatform().daemon().name("load-ramp").unstarted(this::follow);
    }

    /** The idle clients wanted {@code seconds} into the run. */
    static int idleAt(List<Point> points, double seconds) {
        if (seconds <= points.getFirst().seconds()) {
            return points.getFirst().idle();
        }
        for (int i = 1; i < points.size(); i++) {
            Point a = points.get(i - 1);
            Point b = points.get(i);
            if (seconds <= b.seconds()) {
                double f = (seconds - a.seconds()) / (b.seconds() - a.seconds());
                return (int) Math.round(a.idle() + f * (b.idle() - a.idle()));
            }
        }
        return points.getLast().idle();
    }

    /** When the last point is reached. */
    double endSeconds() {
        return points.getLast().seconds();
    }

    void start() {
        thread.start();
    }

    private void follow() {
        while (!stopped) {
            int wanted = idleAt(points, (FleetClock.now() - originNanos) / 1e9);
            try {
                if (wanted > idle) {
                    load.addIdle(wanted - idle);
                } else if (wanted < idle) {
                    load.removeIdle(idle - wanted);
                }
                idle = wanted;
                Thread.sleep(STEP_MILLIS);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                failures.accept("the load ramp failed at " + idle + " idle clients: " + e);
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.interrupt();
        thread.join(30_000);
    }
}
