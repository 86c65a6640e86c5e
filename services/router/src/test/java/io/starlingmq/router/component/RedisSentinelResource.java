package io.starlingmq.router.component;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.starlingmq.testing.TestRedisSentinel;

import java.util.Map;

/** A real Sentinel-managed Redis (a primary, a replica, three Sentinels, started once per JVM) behind the Redis session store. */
public class RedisSentinelResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestRedisSentinel sentinel = TestRedisSentinel.shared();
        return Map.of("starling.router.store", "redis", "quarkus.redis.hosts", sentinel.hosts(),
                "quarkus.redis.client-type", "sentinel", "quarkus.redis.master-name", sentinel.masterName(),
                "quarkus.redis.role", "master");
    }

    @Override
    public void stop() {
        // The processes are shared by every test of this JVM and stop with it.
    }
}
