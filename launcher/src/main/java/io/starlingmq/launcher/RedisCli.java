package io.starlingmq.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code redis-cli} (Debian's redis-tools, installed with redis-server) for the commands that set up and
 * watch a Redis Cluster or a Sentinel group: {@code --cluster create}, {@code CLUSTER INFO}, {@code INFO
 * replication}. The servers' own data traffic never goes through it.
 */
public final class RedisCli {

    private static final long TIMEOUT_SECONDS = 60;

    private RedisCli() {
    }

    /** What {@code redis-cli -p port args...} printed; fails when it does not exit with 0. */
    public static String call(int port, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Executables.require("redis-cli", "redis-tools").toString(),
                "-h", "127.0.0.1", "-p", Integer.toString(port)));
        command.addAll(List.of(args));
        return run(command);
    }

    static String run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not end within " + TIMEOUT_SECONDS + " s");
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + text.strip());
            }
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while running redis-cli", e);
        }
    }

    /** The value of {@code field} in an {@code INFO}-style answer ({@code field:value} lines), or "". */
    public static String field(String info, String field) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith(field + ":")) {
                return line.substring(field.length() + 1).strip();
            }
        }
        return "";
    }
}
