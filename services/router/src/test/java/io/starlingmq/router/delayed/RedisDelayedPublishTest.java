package io.starlingmq.router.delayed;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.starlingmq.router.testsupport.TestGateway;
import io.starlingmq.store.DelayedClaim;
import io.starlingmq.store.DelayedLimits;
import io.starlingmq.store.DelayedMessage;
import io.starlingmq.store.DelayedMessages;
import io.starlingmq.store.StoredMessage;
import io.starlingmq.store.redis.RedisDelayedMessages;
import io.starlingmq.testing.TestRedis;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static io.starlingmq.router.testsupport.TestGateway.WAIT;
import static io.starlingmq.router.testsupport.TestGateway.deliverOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delayed publish with the Redis store, where delayed messages outlive the router that stored them and
 * several routers sweep the same schedule. "Another router" is a second store client on the same Redis.
 */
@QuarkusTest
@TestProfile(RedisFastSweepProfile.class)
class RedisDelayedPublishTest extends DelayedPublishContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    Vertx vertx;

    private Redis otherRoutersClient;
    private DelayedMessages otherRouter;

    @BeforeEach
    void connectAnotherRouter() {
        otherRoutersClient = Redis.createClient(vertx, new RedisOptions()
                .setConnectionString(TestRedis.shared().uri()));
        otherRouter = RedisDelayedMessages.connect(otherRoutersClient, new DelayedLimits(100_000, Duration.ofSeconds(30)))
                .await().atMost(TIMEOUT);
    }

    @AfterEach
    void disconnectTheOtherRouter() {
        otherRoutersClient.close();
    }

    @Test
    void aMessageStoredByARouterThatStoppedIsPublishedByThisOne() {
        TestGateway gateway = gateway("gw");
        String topic = id("restart");
        gateway.connectAndSubscribe(1, id("sub"), topic, 1);

        // what a router leaves in Redis when it acknowledged a delayed publish and then stopped
        otherRouter.schedule(List.of(new DelayedMessage(System.currentTimeMillis() + 1000, message(topic, "survived"))))
                .await().atMost(TIMEOUT);

        assertThat(gateway.take(deliverOn(1, topic)).getDeliver().getMessage().getPayload().toStringUtf8())
                .isEqualTo("survived");
    }

    @Test
    void twoRoutersSweepingTheSameScheduleNeverBothPublishAMessage() {
        TestGateway gateway = gateway("gw");
        String topic = id("race");
        gateway.connectAndSubscribe(1, id("sub"), topic, 0);
        int count = 200;
        List<String> takenByOther = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean sweeping = new AtomicBoolean(true);
        Thread otherSweeper = Thread.ofVirtual().start(() -> {
            while (sweeping.get()) {
                List<DelayedClaim> claims = otherRouter.claimDue(System.currentTimeMillis(), 5).await().atMost(TIMEOUT);
                claims.forEach(c -> takenByOther.add(new String(c.message().payload(), StandardCharsets.UTF_8)));
                otherRouter.remove(claims.stream().map(DelayedClaim::id).toList()).await().atMost(TIMEOUT);
            }
        });
        try {
            otherRouter.schedule(IntStream.range(0, count).mapToObj(i -> new DelayedMessage(
                    System.currentTimeMillis(), message(topic, "m" + i))).toList()).await().atMost(TIMEOUT);

            await().atMost(WAIT).until(() -> takenByOther.size() + gateway.untaken(deliverOn(1, topic)).size() >= count);
        } finally {
            sweeping.set(false);
        }
        await().atMost(WAIT).until(otherSweeper::isAlive, alive -> !alive);
        List<String> publishedHere = gateway.untaken(deliverOn(1, topic)).stream()
                .map(e -> e.getDeliver().getMessage().getPayload().toStringUtf8()).toList();

        assertThat(publishedHere).doesNotHaveDuplicates().doesNotContainAnyElementsOf(takenByOther);
        List<String> all = new ArrayList<>(publishedHere);
        all.addAll(takenByOther);
        assertThat(all).hasSize(count);
    }

    private static StoredMessage message(String topic, String payload) {
        return StoredMessage.of(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false, "some-publisher");
    }
}
