package io.starlingmq.store.redis;

import io.starlingmq.store.DelayedLimits;
import io.starlingmq.store.DelayedMessages;
import io.starlingmq.store.SessionStore;
import io.starlingmq.store.StoreLimits;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.time.InstantSource;

/**
 * A Vert.x and a Redis client on one of the shared test deployments, for the Redis store's test classes: one per
 * deployment for the JVM ({@link #of}), like the servers behind it.
 */
final class RedisTestClient {

    private static final Map<RedisDeployment, RedisTestClient> SHARED = new ConcurrentHashMap<>();

    private final Vertx vertx = Vertx.vertx();
    private final RedisDeployment deployment;
    private final Redis redis;
    private final List<Redis> delayedClients = new CopyOnWriteArrayList<>();

    static RedisTestClient of(RedisDeployment deployment) {
        return SHARED.computeIfAbsent(deployment, RedisTestClient::new);
    }

    private RedisTestClient(RedisDeployment deployment) {
        this.deployment = deployment;
        this.redis = Redis.createClient(vertx, deployment.options().setMaxPoolSize(16).setMaxPoolWaiting(256));
    }

    SessionStore store(StoreLimits limits, InstantSource clock) {
        return RedisSessionStore.connect(redis, limits,
                        RedisStoreSettings.DEFAULTS.withReplicaWait(deployment.replicaWait()), clock)
                .await().atMost(Duration.ofSeconds(10));
    }

    /** A delayed-message store on a client of its own, as another router's would be; see {@link #closeDelayedClients}. */
    DelayedMessages delayed(DelayedLimits limits) {
        Redis own = Redis.createClient(vertx, deployment.options().setMaxPoolSize(8).setMaxPoolWaiting(64));
        delayedClients.add(own);
        return RedisDelayedMessages.connect(own, limits, deployment.replicaWait()).await().atMost(Duration.ofSeconds(10));
    }

    /** Closes the delayed-message stores' clients made so far. */
    void closeDelayedClients() {
        delayedClients.forEach(Redis::close);
        delayedClients.clear();
    }
}
