package io.starlingmq.store;

import io.starlingmq.store.testing.RedisServerProcess;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.time.Duration;
import java.time.InstantSource;

class RedisWillStoreTest extends WillContractTest {

    private static Vertx vertx;
    private static Redis redis;

    @BeforeAll
    static void connect() {
        vertx = Vertx.vertx();
        redis = Redis.createClient(vertx, new RedisOptions()
                .setConnectionString(RedisServerProcess.shared().uri())
                .setMaxPoolSize(16)
                .setMaxPoolWaiting(256));
    }

    @AfterAll
    static void disconnect() {
        redis.close();
        vertx.closeAndAwait();
    }

    @Override
    protected SessionStore createStore(StoreLimits limits, InstantSource clock) {
        return RedisSessionStore.connect(redis, limits, RedisStoreSettings.DEFAULTS, clock)
                .await().atMost(Duration.ofSeconds(10));
    }

    @Override
    protected void wipe() {
        RedisServerProcess.shared().flushAll();
    }
}
