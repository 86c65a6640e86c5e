package io.starlingmq.router.component;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.starlingmq.testing.TestRedisCluster;

import java.util.Map;

/** A real Redis Cluster (three masters with a replica each, started once per JVM) behind the Redis session store, writes waiting for a replica. */
public class RedisClusterResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestRedisCluster cluster = TestRedisCluster.shared();
        return Map.of("starling.router.store", "redis", "quarkus.redis.hosts", cluster.hosts(),
                "quarkus.redis.client-type", "cluster", "starling.router.redis.wait-replicas", "1");
    }

    @Override
    public void stop() {
        // The processes are shared by every test of this JVM and stop with it.
    }
}
