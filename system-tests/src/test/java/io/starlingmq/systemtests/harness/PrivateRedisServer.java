package io.starlingmq.systemtests.harness;

import io.starlingmq.store.testing.FreePort;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} of its own (free port, temporary directory, no persistence) for a suite that
 * outlives single test classes: the JVM's shared test Redis is flushed by every other suite that
 * starts, which would wipe a long-lived suite's sessions under it.
 */
public final class PrivateRedisServer implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final int port;

    private PrivateRedisServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts redis-server (from the PATH) and waits until it accepts connections. */
    public static PrivateRedisServer start() throws IOException {
        Path dir = Files.createTempDirectory("starling-private-redis");
        int port = FreePort.find();
        Process process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile())
                .start();
        PrivateRedisServer server = new PrivateRedisServer(process, port);
        server.awaitListening(dir.resolve("redis.log"));
        return server;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    private void awaitListening(Path log) throws IOException {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited with " + process.exitValue() + ":\n"
                        + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException notYetListening) {
                pause();
            }
        }
        close();
        throw new IllegalStateException("redis-server did not listen on port " + port + " within " + STARTUP_TIMEOUT);
    }

    private static void pause() throws IOException {
        try {
            TimeUnit.MILLISECONDS.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for redis-server", e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
