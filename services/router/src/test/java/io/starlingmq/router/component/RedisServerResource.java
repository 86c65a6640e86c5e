package io.starlingmq.router.component;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.starlingmq.testing.TestRedis;

import java.util.Map;

/** A real redis-server (started once per JVM on a free port) behind the Redis session store. */
public class RedisServerResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestRedis redis = TestRedis.shared();
        return Map.of("starling.router.store", "redis", "quarkus.redis.hosts", redis.uri());
    }

    @Override
    public void stop() {
        // The process is shared by every test of this JVM and stops with it.
    }
}
