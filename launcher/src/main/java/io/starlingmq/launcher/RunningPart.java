package io.starlingmq.launcher;

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
