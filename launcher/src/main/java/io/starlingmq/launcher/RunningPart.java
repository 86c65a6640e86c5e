package io.starlingmq.launcher;

import java.time.Duration;

/** A started part of the suite: its process and the port of its HTTP server (health, {@code /q/metrics}). */
public record RunningPart(ManagedProcess process, int httpPort) implements AutoCloseable {

    public String name() {
        return process.name();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM without waiting: the part shuts down (a gateway drains) while the caller watches. */
    public void terminate() {
        process.terminate();
    }

    /** Waits until the part has exited; false when it still runs after {@code timeout}. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.awaitExit(timeout);
    }

    /** SIGKILL: the part gets no chance to say goodbye. */
    public void kill() {
        process.kill();
    }

    /** The last lines of its log, for failure messages. */
    public String tail() {
        return process.tail();
    }

    /** SIGTERM, so the part shuts down gracefully; SIGKILL if it takes too long. */
    @Override
    public void close() {
        process.close();
    }
}
