package io.starlingmq.testing;

import io.starlingmq.launcher.ProcessSession;
import io.starlingmq.launcher.RedisPersistence;
import io.starlingmq.launcher.RedisSentinels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real Sentinel-managed Redis for tests (a primary, a replica, three Sentinels), started once per JVM on
 * free ports in a temporary directory, without persistence, stopped by a shutdown hook.
 */
public final class TestRedisSentinel implements AutoCloseable {

    /** How long a silent primary stays primary before the Sentinels replace it. */
    public static final Duration DOWN_AFTER = Duration.ofSeconds(2);

    private static TestRedisSentinel shared;

    private final RedisSentinels group;

    private TestRedisSentinel(RedisSentinels group) {
        this.group = group;
    }

    public static synchronized TestRedisSentinel shared() {
        if (shared == null) {
            shared = start();
            RedisSentinels started = shared.group;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "redis-sentinel-stop"));
        }
        return shared;
    }

    /** A group of the caller's own, started now; the caller closes it. */
    public static TestRedisSentinel startPrivate() {
        return start();
    }

    /** The Sentinels' addresses, comma-separated ({@code quarkus.redis.hosts}). */
    public String hosts() {
        return group.hosts();
    }

    public String masterName() {
        return group.masterName();
    }

    public RedisSentinels group() {
        return group;
    }

    public void flushAll() {
        try {
            group.flushAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        group.close();
    }

    private static TestRedisSentinel start() {
        try {
            Path dir = Files.createTempDirectory("starling-redis-sentinel");
            return new TestRedisSentinel(RedisSentinels.start(dir, 1, RedisPersistence.NONE, DOWN_AFTER,
                    ProcessSession.SHARED));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a Sentinel group", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting a Sentinel group", e);
        }
    }
}
