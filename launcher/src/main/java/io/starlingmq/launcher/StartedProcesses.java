package io.starlingmq.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * What a launch started, stopped last first: a gateway before its router, a router before its Redis, so
 * no client sees its server vanish while it still runs. A failure to stop one does not keep the others
 * running.
 */
public final class StartedProcesses implements AutoCloseable {

    private final List<AutoCloseable> started = new ArrayList<>();

    public synchronized <T extends AutoCloseable> T add(T process) {
        started.add(process);
        return process;
    }

    @Override
    public synchronized void close() {
        RuntimeException first = null;
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                if (first == null) {
                    first = new IllegalStateException("stopping a process failed", e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        started.clear();
        if (first != null) {
            throw first;
        }
    }
}
