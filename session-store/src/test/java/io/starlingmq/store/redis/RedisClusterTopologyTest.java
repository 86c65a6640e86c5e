package io.starlingmq.store.redis;

import io.starlingmq.launcher.RedisCli;
import io.starlingmq.store.EnqueueResult;
import io.starlingmq.store.Holder;
import io.starlingmq.store.SessionSpec;
import io.starlingmq.store.SessionStore;
import io.starlingmq.store.StoreLimits;
import io.starlingmq.store.StoredMessage;
import io.starlingmq.testing.TestRedisCluster;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What only a Redis Cluster asks of the store: the library on every master, sessions spread over slots, WAIT per pipeline. */
class RedisClusterTopologyTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Holder HOLDER = new Holder("gw-1", 1);

    private static Vertx vertx;
    private static Redis redis;

    @BeforeAll
    static void connect() {
        vertx = Vertx.vertx();
        redis = Redis.createClient(vertx, RedisDeployment.CLUSTER.options());
    }

    @AfterAll
    static void disconnect() {
        redis.close();
        vertx.closeAndAwait();
    }

    @BeforeEach
    void wipe() {
        TestRedisCluster.shared().flushAll();
    }

    @Test
    void startingTheStoreLoadsItsFunctionsOnEveryMaster() throws IOException {
        for (int master : TestRedisCluster.shared().cluster().masterPorts()) {
            RedisCli.call(master, "FUNCTION", "FLUSH");
        }
        store(RedisReplicaWait.NONE);
        for (int master : TestRedisCluster.shared().cluster().masterPorts()) {
            assertThat(RedisCli.call(master, "FUNCTION", "LIST", "LIBRARYNAME", "starling"))
                    .as("master %d holds the starling library", master).contains("starling_open");
        }
    }

    @Test
    void aMasterWithoutTheFunctionsGetsThemAtItsFirstCallAndTheCallSucceeds() throws IOException {
        SessionStore store = store(RedisReplicaWait.NONE);
        int master = TestRedisCluster.shared().cluster().masterOf("starling:{late}:session");
        // as a master that joined after the start would be
        RedisCli.call(master, "FUNCTION", "DELETE", "starling");

        open(store, "late");
        EnqueueResult result = store.enqueue(Map.of("late", List.of(message("m1")))).await().atMost(TIMEOUT).get("late");

        assertThat(result.assigned()).hasSize(1);
        assertThat(RedisCli.call(master, "FUNCTION", "LIST", "LIBRARYNAME", "starling")).contains("starling_enqueue");
    }

    @Test
    void onePipelineReachesSessionsOnEveryMaster() throws IOException {
        SessionStore store = store(RedisReplicaWait.NONE);
        List<String> clients = IntStream.range(0, 30).mapToObj(i -> "spread-" + i).toList();
        clients.forEach(client -> open(store, client));
        Map<String, List<StoredMessage>> batch = new LinkedHashMap<>();
        clients.forEach(client -> batch.put(client, List.of(message(client + "-1"), message(client + "-2"))));

        Map<String, EnqueueResult> results = store.enqueue(batch).await().atMost(TIMEOUT);

        assertThat(results.keySet()).containsExactlyElementsOf(clients);
        results.forEach((client, result) -> assertThat(result.assigned()).extracting(d -> d.message().topic())
                .as("deliveries of %s", client).containsExactly("t/" + client + "-1", "t/" + client + "-2"));
        for (int master : TestRedisCluster.shared().cluster().masterPorts()) {
            assertThat(Long.parseLong(RedisCli.call(master, "DBSIZE").strip())).as("keys on master %d", master)
                    .isPositive();
        }
    }

    @Test
    void aWriteThatTooFewReplicasConfirmFails() {
        // each master has one replica: asking for two can never be met
        SessionStore store = store(new RedisReplicaWait(2, Duration.ofMillis(100)));

        assertThatThrownBy(() -> open(store, "unconfirmed")).isInstanceOf(RedisReplicaWaitException.class)
                .hasMessageContaining("confirmed by 1 replica(s) of the 2 required");
    }

    private static SessionStore store(RedisReplicaWait wait) {
        return RedisSessionStore.connect(redis, new StoreLimits(100, 10, 10),
                RedisStoreSettings.DEFAULTS.withReplicaWait(wait), InstantSource.system()).await().atMost(TIMEOUT);
    }

    private static void open(SessionStore store, String clientId) {
        store.open(new SessionSpec(clientId, false, 3600, 10), HOLDER).await().atMost(TIMEOUT);
    }

    private static StoredMessage message(String name) {
        return StoredMessage.of("t/" + name, name.getBytes(StandardCharsets.UTF_8), 1, false, "publisher");
    }
}
