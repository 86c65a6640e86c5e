package io.starlingmq.systemtests.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A command-line MQTT client (mosquitto_sub, mosquitto_pub) run as a process, its output read line by line. */
public final class CommandLineClient implements AutoCloseable {

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>(10_000);

    private CommandLineClient(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readLines, "cli-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Runs {@code command} with its stdout line-buffered (stdbuf), so each line arrives as printed. */
    public static CommandLineClient start(List<String> command) throws IOException {
        List<String> lineBuffered = new ArrayList<>(List.of("stdbuf", "-oL", "-eL"));
        lineBuffered.addAll(command);
        return new CommandLineClient(new ProcessBuilder(lineBuffered).redirectErrorStream(true).start());
    }

    private void readLines() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.offer(line);
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    /** Waits for a line containing {@code fragment}; answers it, or fails with everything read so far. */
    public String awaitLine(String fragment, Duration timeout) throws InterruptedException {
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            if (line.contains(fragment)) {
                return line;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("no line containing '" + fragment + "' within " + timeout + "; output was:\n" + seen);
    }

    /** Waits for the process to end and answers its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("process did not end within " + timeout);
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroy();
    }
}
