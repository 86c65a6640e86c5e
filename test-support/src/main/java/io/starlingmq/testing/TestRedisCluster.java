package io.starlingmq.testing;

import io.starlingmq.launcher.ProcessSession;
import io.starlingmq.launcher.RedisCluster;
import io.starlingmq.launcher.RedisPersistence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real Redis Cluster for tests (three masters with a replica each, {@code redis-server} in cluster mode),
 * started once per JVM on free ports in a temporary directory, without persistence, stopped by a shutdown
 * hook. Suites flush it; a test that kills nodes starts a {@link #startPrivate() private} one.
 */
public final class TestRedisCluster implements AutoCloseable {

    /** How long a silent master stays master: short, so a failover test waits seconds, not the default 15. */
    public static final Duration NODE_TIMEOUT = Duration.ofSeconds(2);

    private static TestRedisCluster shared;

    private final RedisCluster cluster;

    private TestRedisCluster(RedisCluster cluster) {
        this.cluster = cluster;
    }

    public static synchronized TestRedisCluster shared() {
        if (shared == null) {
            shared = start();
            RedisCluster started = shared.cluster;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "redis-cluster-stop"));
        }
        return shared;
    }

    /** A cluster of the caller's own, started now; the caller closes it. */
    public static TestRedisCluster startPrivate() {
        return start();
    }

    /** Seed addresses, comma-separated ({@code quarkus.redis.hosts}). */
    public String hosts() {
        return cluster.hosts();
    }

    public RedisCluster cluster() {
        return cluster;
    }

    public void flushAll() {
        try {
            cluster.flushAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        cluster.close();
    }

    private static TestRedisCluster start() {
        try {
            Path dir = Files.createTempDirectory("starling-redis-cluster");
            return new TestRedisCluster(RedisCluster.start(dir, RedisCluster.freePorts(6), RedisPersistence.NONE,
                    NODE_TIMEOUT, dir, ProcessSession.SHARED));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a Redis Cluster", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting a Redis Cluster", e);
        }
    }
}
