package io.starlingmq.store.redis;

import io.starlingmq.store.DelayedLimits;
import io.starlingmq.store.DelayedMessages;
import io.starlingmq.store.DelayedMessagesContractTest;
import io.starlingmq.testing.TestRedis;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The contract on a real redis-server; a peer is a store on its own client, as another router's would be. */
class RedisDelayedMessagesTest extends DelayedMessagesContractTest {

    private static Vertx vertx;
    private final List<Redis> clients = new ArrayList<>();

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.closeAndAwait();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(Redis::close);
    }

    @Override
    protected DelayedMessages createStore(DelayedLimits limits) {
        TestRedis.shared().flushAll();
        return connect(limits);
    }

    @Override
    protected DelayedMessages peerOf(DelayedMessages store, DelayedLimits limits) {
        return connect(limits);
    }

    private DelayedMessages connect(DelayedLimits limits) {
        Redis redis = Redis.createClient(vertx, new RedisOptions()
                .setConnectionString(TestRedis.shared().uri())
                .setMaxPoolSize(8)
                .setMaxPoolWaiting(64));
        clients.add(redis);
        return RedisDelayedMessages.connect(redis, limits).await().atMost(Duration.ofSeconds(10));
    }
}
