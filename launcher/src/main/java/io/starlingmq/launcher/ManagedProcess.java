package io.starlingmq.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One started OS process: its output in a log file, its readiness waited for, stopped with everything
 * it started (SIGTERM, then SIGKILL after a grace time).
 */
public final class ManagedProcess implements AutoCloseable {

    /** How long a process may take to stop after SIGTERM before it is killed. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /** How long {@link #close()} waits for the JVM to reap a process that was stopped or killed. */
    private static final Duration REAP_TIMEOUT = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 200;
    private static final int TAIL_LINES = 40;

    private final String name;
    private final Process process;
    private final Path log;

    private ManagedProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** What becomes of an existing log file when a process starts. */
    public enum LogFile {
        REPLACE,
        /** Kept, the new output after it: a server restarted on the same data keeps its earlier runs' lines. */
        APPEND
    }

    /**
     * Starts {@code command} with the JVM's environment plus {@code env}, stdin from /dev/null, stdout and
     * stderr into {@code log} (replaced).
     */
    public static ManagedProcess start(String name, List<String> command, Map<String, String> env, Path log,
                                       ProcessSession session) throws IOException {
        return start(name, command, env, log, session, LogFile.REPLACE);
    }

    /** As {@link #start(String, List, Map, Path, ProcessSession)}, appending to {@code log} if asked. */
    public static ManagedProcess start(String name, List<String> command, Map<String, String> env, Path log,
                                       ProcessSession session, LogFile logFile) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> full = new ArrayList<>();
        if (session == ProcessSession.OWN) {
            // setsid execs the command in place (a child of the JVM is no group leader), so the pid is the command's.
            full.add(Executables.require("setsid", "util-linux").toString());
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(logFile == LogFile.APPEND ? ProcessBuilder.Redirect.appendTo(log.toFile())
                        : ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(env);
        return new ManagedProcess(name, builder.start(), log);
    }

    /** As {@link #start(String, List, Map, Path, ProcessSession)} in the JVM's session. */
    public static ManagedProcess start(String name, List<String> command, Map<String, String> env, Path log)
            throws IOException {
        return start(name, command, env, log, ProcessSession.SHARED);
    }

    /**
     * Polls {@code readiness} until it holds. When the process exits first or time runs out, the process is
     * stopped and this fails with the log's last lines; when the waiting thread is interrupted, the process
     * is stopped too.
     */
    public void awaitReady(Readiness readiness, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during startup (code " + process.exitValue() + "); "
                        + tailWithPath());
            }
            if (readiness.ready()) {
                return;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException abandoned) {
                // Whoever gave up on this start (Ctrl-C during up) no longer holds the process: stop it here.
                Thread.interrupted();
                close();
                throw abandoned;
            }
        }
        close();
        throw new IllegalStateException(name + " not ready after " + timeout.toSeconds() + " s; " + tailWithPath());
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines of the log, for failure messages. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private String tailWithPath() {
        return "last lines of " + log + ":\n" + tail();
    }

    /**
     * SIGTERM to the process and what it started, without waiting: it shuts down in its own time (see
     * {@link #awaitExit}); {@link #close()} still escalates to SIGKILL.
     */
    public void terminate() {
        ProcessTree.terminate(process.toHandle());
    }

    /** Waits until the process has exited; false when it still runs after {@code timeout}. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** SIGKILL to the process and what it started: it gets no chance to say goodbye. */
    public void kill() {
        ProcessTree.kill(process.toHandle());
    }

    /**
     * SIGTERM to the process and what it started; SIGKILL to whatever still runs after {@link #STOP_GRACE}.
     * Returns once the process is reaped, so {@link #isAlive()} is false from then on (a process that exited
     * can look gone to its handle a moment before its {@code Process} has been waited for).
     */
    @Override
    public void close() {
        ProcessTree.stop(process.toHandle(), STOP_GRACE);
        try {
            process.waitFor(REAP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
