package io.starlingmq.store.redis;

import io.starlingmq.store.SessionStore;
import io.starlingmq.store.StoreLimits;
import io.starlingmq.testing.TestRedis;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;

import java.time.Duration;
import java.time.InstantSource;

/** A Vert.x and a Redis client on the shared test redis-server, for the Redis store's test classes. */
final class RedisTestClient implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final Redis redis = Redis.createClient(vertx, new RedisOptions()
            .setConnectionString(TestRedis.shared().uri())
            .setMaxPoolSize(16)
            .setMaxPoolWaiting(256));

    SessionStore store(StoreLimits limits, InstantSource clock) {
        return RedisSessionStore.connect(redis, limits, RedisStoreSettings.DEFAULTS, clock)
                .await().atMost(Duration.ofSeconds(10));
    }

    void wipe() {
        TestRedis.shared().flushAll();
    }

    @Override
    public void close() {
        redis.close();
        vertx.closeAndAwait();
    }
}
