package io.starlingmq.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops a process together with every process it started, as a signal to a process group would:
 * SIGTERM to all of them, then SIGKILL to whatever still runs after the grace time. Wrappers such as
 * {@code runuser} (PostgreSQL as root) or Keycloak's {@code kc.sh} would otherwise leave their child
 * running.
 */
public final class ProcessTree {

    private ProcessTree() {
    }

    /** Stops {@code root} and its descendants; answers once all have exited or were killed. */
    public static void stop(ProcessHandle root, Duration grace) {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(root);
        root.descendants().forEach(all::add);
        all.forEach(ProcessHandle::destroy);
        long end = System.nanoTime() + grace.toNanos();
        for (ProcessHandle process : all) {
            awaitExit(process, end - System.nanoTime());
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : all) {
            awaitExit(process, TimeUnit.SECONDS.toNanos(5));
        }
    }

    /**
     * SIGTERM to {@code root} and its descendants, answering at once: for a caller that watches how the
     * process shuts down (a gateway's drain) instead of waiting for it here.
     */
    public static void terminate(ProcessHandle root) {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(root);
        root.descendants().forEach(all::add);
        all.forEach(ProcessHandle::destroy);
    }

    /** SIGKILL to {@code root} and its descendants at once, no SIGTERM first; answers once they are gone. */
    public static void kill(ProcessHandle root) {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(root);
        root.descendants().forEach(all::add);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : all) {
            awaitExit(process, TimeUnit.SECONDS.toNanos(15));
        }
    }

    private static void awaitExit(ProcessHandle process, long nanos) {
        if (nanos <= 0 || !process.isAlive()) {
            return;
        }
        try {
            process.onExit().get(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception stillRunning) {
            // the caller escalates to SIGKILL
        }
    }
}
