package io.starlingmq.bench.brokers;

import io.starlingmq.launcher.ManagedProcess;
import io.starlingmq.launcher.ProcessSession;
import io.starlingmq.launcher.RedisCluster;
import io.starlingmq.launcher.RedisPersistence;
import io.starlingmq.launcher.RedisServer;
import io.starlingmq.launcher.RouterEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Redis of the router's sessions in the {@link RedisForm} asked for, started by the launcher on free ports
 * of its own: its processes (sampled and watched like the router's) and the router environment that reaches it.
 */
public final class SessionRedis implements AutoCloseable {

    /** Three masters with a replica each. */
    static final int CLUSTER_NODES = 6;
    /** How long a silent master stays a master: no node fails in a bench run. */
    private static final Duration NODE_TIMEOUT = Duration.ofSeconds(5);

    private final AutoCloseable servers;
    private final Map<String, ManagedProcess> processes;
    private final Map<String, String> routerEnvironment;

    private SessionRedis(AutoCloseable servers, Map<String, ManagedProcess> processes, Map<String, String> routerEnvironment) {
        this.servers = servers;
        this.processes = processes;
        this.routerEnvironment = routerEnvironment;
    }

    /** Starts {@code form} with its files under {@code dir}, logs under {@code logs}. */
    public static SessionRedis start(RedisForm form, int singlePort, Path dir, Path logs)
            throws IOException, InterruptedException {
        if (!form.cluster()) {
            RedisServer redis = RedisServer.start(singlePort, dir, RedisPersistence.APPEND_ONLY_EVERY_SECOND,
                    logs.resolve("redis.log"), ProcessSession.SHARED);
            return new SessionRedis(redis, Map.of("redis", redis.process()), RouterEnvironment.redisStore(redis.uri()));
        }
        RedisCluster cluster = RedisCluster.start(dir, RedisCluster.freePorts(CLUSTER_NODES),
                RedisPersistence.APPEND_ONLY_EVERY_SECOND, NODE_TIMEOUT, logs, ProcessSession.SHARED);
        Map<String, ManagedProcess> nodes = new LinkedHashMap<>();
        cluster.ports().forEach(port -> nodes.put("redis-" + port, cluster.process(port)));
        return new SessionRedis(cluster, nodes, RouterEnvironment.redisClusterStore(cluster.hosts(), form.waitReplicas()));
    }

    /** Every Redis process by name ({@code redis}, or {@code redis-<port>} per cluster node). */
    public Map<String, ManagedProcess> processes() {
        return processes;
    }

    /** The router's store settings for this Redis. */
    public Map<String, String> routerEnvironment() {
        return routerEnvironment;
    }

    @Override
    public void close() throws Exception {
        servers.close();
    }
}
