package io.starlingmq.store.testing;

import io.starlingmq.testing.FreePort;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} for tests, on a free port in a temporary directory, without persistence:
 * the JVM's shared one (started once, stopped by a shutdown hook, flushed by the suites that use it), or
 * a private one for a suite that outlives single test classes and must not be flushed by others.
 */
public final class RedisServerProcess implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);
    private static RedisServerProcess shared;

    private final Process process;
    private final int port;
    private final Path log;

    private RedisServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The JVM's Redis, started on first use. */
    public static synchronized RedisServerProcess shared() {
        if (shared == null) {
            shared = start();
            RedisServerProcess started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "redis-server-stop"));
        }
        return shared;
    }

    /** A Redis of the caller's own, started now; the caller closes it. */
    public static RedisServerProcess startPrivate() {
        return start();
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** Empties every database. */
    public void flushAll() {
        String reply = command("FLUSHALL");
        if (!reply.equals("+OK")) {
            throw new IllegalStateException("FLUSHALL answered " + reply);
        }
    }

    private static RedisServerProcess start() {
        Path binary = findOnPath("redis-server");
        try {
            Path dir = Files.createTempDirectory("starling-redis");
            Path log = dir.resolve("redis.log");
            int port = FreePort.find();
            Process process = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port),
                    "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            RedisServerProcess server = new RedisServerProcess(process, port, log);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + binary, e);
        }
    }

    private void awaitReady() throws IOException {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited with " + process.exitValue() + ":\n"
                        + Files.readString(log));
            }
            try {
                if (command("PING").equals("+PONG")) {
                    return;
                }
            } catch (UncheckedIOException notYetListening) {
                // polled again below until the deadline
            }
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for redis-server", e);
            }
        }
        stop();
        throw new IllegalStateException("redis-server did not answer PING on port " + port + " within "
                + STARTUP_TIMEOUT + ":\n" + Files.readString(log));
    }

    /** Sends an argument-less command and answers the first line of the reply. */
    private String command(String name) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("*1\r\n$" + name.length() + "\r\n" + name + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String line = in.readLine();
            if (line == null) {
                throw new UncheckedIOException(new IOException("redis-server closed the connection"));
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void stop() {
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

    private static Path findOnPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        for (String dir : new String[] {"/usr/bin", "/usr/local/bin", "/usr/sbin"}) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(name + " not found on PATH: install the Debian package redis-server "
                + "(apt-get install redis-server)");
    }
}
