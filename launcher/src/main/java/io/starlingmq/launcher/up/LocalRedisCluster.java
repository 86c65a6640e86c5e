package io.starlingmq.launcher.up;

import io.starlingmq.launcher.Executables;
import io.starlingmq.launcher.ManagedProcess;
import io.starlingmq.launcher.ProcessSession;
import io.starlingmq.launcher.RedisCluster;
import io.starlingmq.launcher.RedisPersistence;
import io.starlingmq.launcher.RouterEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code up --redis-cluster}: the router's store on a Redis Cluster of six nodes (three masters with a replica
 * each) on the ports of {@link UpOptions.RedisClusterPorts}, append-only files fsynced every second in
 * {@code .starling/redis-cluster/<port>}, kept between runs: a later {@code up --redis-cluster} starts the same
 * cluster again with its data.
 */
final class LocalRedisCluster {

    /** How long a silent master stays master before its replica takes over: Redis's production range, not a test's. */
    static final Duration NODE_TIMEOUT = Duration.ofSeconds(5);
    /** Each write confirmed by the master's replica, so a failover loses no acknowledged message. */
    static final int WAIT_REPLICAS = 1;

    private LocalRedisCluster() {
    }

    /** The name of the {@code i}-th node (from 1) in the run directory. */
    static String name(int i) {
        return "redis-cluster-" + i;
    }

    /** Why {@code --redis-cluster} cannot run here (no redis-server or redis-cli), or empty when it can. */
    static Optional<String> missingTools(Function<String, Optional<Path>> find) {
        if (find.apply("redis-server").isEmpty() || find.apply("redis-cli").isEmpty()) {
            return Optional.of("--redis-cluster needs redis-server and redis-cli: install the Debian package "
                    + "redis-server (apt-get install redis-server)");
        }
        return Optional.empty();
    }

    static Optional<String> missingTools() {
        return missingTools(Executables::find);
    }

    /**
     * Starts the cluster (made on the first run, started again on its folders afterwards) and waits until it is
     * whole; each node's process goes to {@code onNodeStarted} as soon as it answers.
     */
    static RedisCluster start(UpOptions o, ProcessSession session, Consumer<ManagedProcess> onNodeStarted)
            throws IOException, InterruptedException {
        UpOptions.RedisClusterPorts ports = o.redisCluster().orElseThrow();
        return RedisCluster.start(o.redisClusterData(), ports.nodes(), RedisPersistence.APPEND_ONLY_EVERY_SECOND,
                NODE_TIMEOUT, o.logs(), session, onNodeStarted);
    }

    static Map<String, String> routerEnvironment(RedisCluster cluster) {
        return RouterEnvironment.redisClusterStore(cluster.hosts(), WAIT_REPLICAS);
    }
}
