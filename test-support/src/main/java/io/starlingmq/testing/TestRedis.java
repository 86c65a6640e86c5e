package io.starlingmq.testing;

import io.starlingmq.launcher.FreePort;
import io.starlingmq.launcher.ProcessSession;
import io.starlingmq.launcher.RedisPersistence;
import io.starlingmq.launcher.RedisServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real {@code redis-server} for tests, started by the launcher on a {@link FreePort} in a temporary
 * directory, without persistence: the JVM's shared one (started once, stopped by a shutdown hook,
 * flushed by the suites that use it), or a private one for a suite that outlives single test classes
 * and must not be flushed by others.
 */
public final class TestRedis implements AutoCloseable {

    private static TestRedis shared;

    private final RedisServer server;

    private TestRedis(RedisServer server) {
        this.server = server;
    }

    /** The JVM's Redis, started on first use. */
    public static synchronized TestRedis shared() {
        if (shared == null) {
            shared = start();
            RedisServer started = shared.server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "redis-server-stop"));
        }
        return shared;
    }

    /** A Redis of the caller's own, started now; the caller closes it. */
    public static TestRedis startPrivate() {
        return start();
    }

    public int port() {
        return server.port();
    }

    public String uri() {
        return server.uri();
    }

    /** Empties every database. */
    public void flushAll() {
        try {
            server.flushAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }

    private static TestRedis start() {
        try {
            Path dir = Files.createTempDirectory("starling-redis");
            return new TestRedis(RedisServer.start(FreePort.find(), dir, RedisPersistence.NONE, dir.resolve("redis.log"),
                    ProcessSession.SHARED));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start redis-server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting redis-server", e);
        }
    }
}
