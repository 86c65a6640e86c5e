package io.starlingmq.systemtests.redis;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.starlingmq.launcher.RedisCli;
import io.starlingmq.launcher.RedisCluster;
import io.starlingmq.systemtests.harness.MetricsScrape;
import io.starlingmq.systemtests.harness.StarlingSuite;
import io.starlingmq.testing.TestRedisCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Redis Cluster master is SIGKILLed under QoS 1 and QoS 2 load and its replica takes over, with the router's
 * writes waiting for a replica ({@code starling.router.redis.wait-replicas=1}). The master killed holds both the
 * subscriber's session and the change stream. Every message whose publisher was acknowledged reaches the
 * persistent subscriber, QoS 2 ones exactly once, each publisher's in order; the global keys survive; and a
 * second router started afterwards, which learns subscriptions from the change stream, learns one made then.
 * Publishes refused meanwhile (their store calls failed) are not acknowledged and are only counted.
 */
class SessionStoreFailoverTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int IN_FLIGHT = 20;
    private static final int BEFORE_KILL = 300;
    private static final int AFTER_FAILOVER = 300;

    private static final Map<String, String> ROUTER_ENV = Map.of("QUARKUS_REDIS_CLIENT_TYPE", "cluster",
            "STARLING_ROUTER_REDIS_WAIT_REPLICAS", "1", "STARLING_ROUTER_MAX_QUEUED_PER_SESSION", "1000000");

    private TestRedisCluster redis;
    private StarlingSuite suite;
    private final List<Mqtt5AsyncClient> clients = new ArrayList<>();
    private final ExecutorService publishing = Executors.newFixedThreadPool(2);
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Map<String, List<Integer>> received = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        redis = TestRedisCluster.startPrivate();
        // The subscriber's queue may hold whatever the publishers send while it is away: a message missing must
        // be a message lost, not one the queue bound dropped (that is counted, and asserted to be none).
        // One router runs under the load; the second, which the gateway lists from the start, joins afterwards to
        // show that the change stream carries on (a persistent session served through two routers can get its
        // messages out of order: docs/architecture.md, "What is not there yet").
        suite = StarlingSuite.startOnRedis("redis-cluster-failover", redis.hosts(), ROUTER_ENV, 1);
        suite.reserveRouter("router-b");
        suite.startGateway("gateway-a");
    }

    @AfterEach
    void stopAll() {
        stop.set(true);
        publishing.shutdownNow();
        clients.forEach(client -> client.disconnect().exceptionally(ignored -> null));
        if (suite != null) {
            suite.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void aMasterKilledUnderLoadLosesNoAcknowledgedMessageAndDuplicatesNoQos2One() throws Exception {
        RedisCluster cluster = redis.cluster();
        int victim = cluster.masterOf("starling:changes");
        String subscriberId = clientIdOnMaster(cluster, victim, "failover-subscriber-");

        Mqtt5AsyncClient subscriber = client(subscriberId);
        subscriber.publishes(MqttGlobalPublishFilter.ALL, this::record);
        subscriber.connectWith().cleanStart(false).sessionExpiryInterval(3600).send().get(30, TimeUnit.SECONDS);
        subscriber.subscribeWith().topicFilter("failover/#").qos(MqttQos.EXACTLY_ONCE).send().get(30, TimeUnit.SECONDS);

        Publisher qos1 = new Publisher("failover-qos1", "failover/qos1", MqttQos.AT_LEAST_ONCE);
        Publisher qos2 = new Publisher("failover-qos2", "failover/qos2", MqttQos.EXACTLY_ONCE);
        Future<?> qos1Run = publishing.submit(qos1::run);
        Future<?> qos2Run = publishing.submit(qos2::run);

        await("acknowledged before the kill").atMost(WAIT)
                .until(() -> qos1.acknowledged.size() >= BEFORE_KILL && qos2.acknowledged.size() >= BEFORE_KILL);
        cluster.kill(victim);
        cluster.awaitHealthy(WAIT);
        // The promoted replica has no replica of its own: with the wait on, its slots take no write until one
        // follows it. As the StatefulSet would, start the killed node again; it rejoins as that replica.
        cluster.restart(victim);
        cluster.awaitHealthy(WAIT);
        int qos1AtFailover = qos1.acknowledged.size();
        int qos2AtFailover = qos2.acknowledged.size();
        await("acknowledged after the failover").atMost(WAIT).until(() ->
                qos1.acknowledged.size() >= qos1AtFailover + AFTER_FAILOVER
                        && qos2.acknowledged.size() >= qos2AtFailover + AFTER_FAILOVER);
        stop.set(true);
        for (Future<?> run : List.of(qos1Run, qos2Run)) {
            try {
                run.get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("publishes still unanswered: " + qos1 + ", " + qos2, e);
            }
        }

        for (Publisher publisher : List.of(qos1, qos2)) {
            try {
                await("every acknowledged message of " + publisher.clientId + " delivered").atMost(WAIT)
                        .until(() -> received(publisher.topic).containsAll(publisher.acknowledged));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                Set<Integer> missing = new java.util.TreeSet<>(publisher.acknowledged);
                received(publisher.topic).forEach(missing::remove);
                throw new AssertionError(publisher + ": " + missing.size() + " acknowledged but not delivered, "
                        + missing.stream().limit(20).toList() + "; subscriber connected: "
                        + subscriber.getState() + ", received " + received(publisher.topic).size(), e);
            }
            List<Integer> delivered = received(publisher.topic);
            List<Integer> firstTimes = new ArrayList<>(new LinkedHashSet<>(delivered));
            assertThat(firstTimes).as("messages of %s in the order published", publisher.clientId).isSorted();
            System.out.printf("%s: %d sent, %d acknowledged, %d refused over %d ms, %d delivered (%d more than once)%n",
                    publisher.clientId, publisher.sent, publisher.acknowledged.size(), publisher.refused.size(),
                    publisher.refusingMillis(), delivered.size(), delivered.size() - firstTimes.size());
        }
        assertThat(received(qos2.topic)).as("QoS 2 messages delivered exactly once").doesNotHaveDuplicates();

        assertThat(MetricsScrape.of(suite.process("router-a")).sum("starling_router_messages_dropped_total"))
                .as("messages dropped from full queues").isZero();
        assertGlobalKeysSurvived(cluster, subscriberId);
        suite.startReservedRouter("router-b", ROUTER_ENV);
        awaitGatewayLinkedToBothRouters();
        assertSubscriptionsStillReachTheOtherRouter();
    }

    private void awaitGatewayLinkedToBothRouters() {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest ready = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://127.0.0.1:" + suite.process("gateway-a").httpPort() + "/q/health/ready")).build();
        await("the gateway linked to both routers").atMost(WAIT).until(() -> http.send(ready,
                java.net.http.HttpResponse.BodyHandlers.ofString()).body().matches("(?s).*\"routersUp\"\\s*:\\s*2\\b.*"));
    }

    /** The session directory and the routes were on the killed master's slots or others: all must be there. */
    private static void assertGlobalKeysSurvived(RedisCluster cluster, String subscriberId) throws IOException {
        int node = cluster.masterPorts().getFirst();
        assertThat(RedisCli.call(node, "-c", "HEXISTS", "starling:sessions", subscriberId).strip())
                .as("the subscriber in the session directory").isEqualTo("1");
        assertThat(Long.parseLong(RedisCli.call(node, "-c", "HLEN", "starling:routes").strip()))
                .as("routes").isPositive();
        assertThat(Long.parseLong(RedisCli.call(node, "-c", "XLEN", "starling:changes").strip()))
                .as("changes on the stream").isPositive();
    }

    /**
     * A subscription made now travels to the other router on the change stream, whose master was the one killed:
     * publishers of several client ids (so both routers route some of them) all reach the new subscriber.
     */
    private void assertSubscriptionsStillReachTheOtherRouter() throws Exception {
        Mqtt5AsyncClient late = client("failover-late-subscriber");
        late.publishes(MqttGlobalPublishFilter.ALL, this::record);
        late.connectWith().cleanStart(true).send().get(30, TimeUnit.SECONDS);
        late.subscribeWith().topicFilter("after/#").qos(MqttQos.AT_LEAST_ONCE).send().get(30, TimeUnit.SECONDS);
        Set<Integer> expected = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 8; i++) {
            Mqtt5AsyncClient publisher = client("failover-after-" + i);
            publisher.connectWith().cleanStart(true).send().get(30, TimeUnit.SECONDS);
            int value = i;
            // a router learns the subscription asynchronously: publish until this publisher's message arrives
            await("publisher " + i + " reaches the new subscription").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200)).until(() -> {
                        publisher.publishWith().topic("after/x").qos(MqttQos.AT_LEAST_ONCE)
                                .payload(Integer.toString(value).getBytes(StandardCharsets.UTF_8)).send()
                                .get(10, TimeUnit.SECONDS);
                        return received("after/x").contains(value);
                    });
            expected.add(value);
        }
        assertThat(received("after/x")).containsAll(expected);
    }

    /** A client id whose session keys live on the master {@code port}. */
    private static String clientIdOnMaster(RedisCluster cluster, int port, String prefix) throws IOException {
        for (int i = 0; i < 200; i++) {
            if (cluster.masterOf("starling:{" + prefix + i + "}:session") == port) {
                return prefix + i;
            }
        }
        throw new IllegalStateException("no client id found on master " + port);
    }

    private void record(Mqtt5Publish publish) {
        received.computeIfAbsent(publish.getTopic().toString(), topic -> new CopyOnWriteArrayList<>())
                .add(Integer.parseInt(new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8)));
    }

    private List<Integer> received(String topic) {
        return received.getOrDefault(topic, List.of());
    }

    private Mqtt5AsyncClient client(String clientId) {
        Mqtt5AsyncClient client = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1")
                .serverPort(suite.mqttPort("gateway-a"))
                .automaticReconnect().initialDelay(100, TimeUnit.MILLISECONDS).maxDelay(1, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .buildAsync();
        clients.add(client);
        return client;
    }

    /**
     * Publishes numbered messages, {@value #IN_FLIGHT} at a time, until stopped. A publish the broker refuses
     * (its store call failed while the slots moved) is not acknowledged: it may arrive or not, but never twice.
     */
    private final class Publisher {

        final String clientId;
        final String topic;
        final MqttQos qos;
        final Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        final Set<Integer> refused = ConcurrentHashMap.newKeySet();
        volatile int sent;
        volatile long firstRefusal;
        volatile long lastRefusal;

        /** From the first refused publish to the last: how long the failover kept this publisher's messages out. */
        long refusingMillis() {
            return firstRefusal == 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(lastRefusal - firstRefusal);
        }

        @Override
        public String toString() {
            Set<Integer> answered = new java.util.HashSet<>(acknowledged);
            answered.addAll(refused);
            List<Integer> open = java.util.stream.IntStream.range(0, sent).filter(i -> !answered.contains(i)).boxed().toList();
            return clientId + " sent " + sent + ", acknowledged " + acknowledged.size() + ", refused " + refused.size()
                    + ", unanswered " + open;
        }

        Publisher(String clientId, String topic, MqttQos qos) {
            this.clientId = clientId;
            this.topic = topic;
            this.qos = qos;
        }

        void run() {
            try {
                Mqtt5AsyncClient client = client(clientId);
                client.connectWith().cleanStart(false).sessionExpiryInterval(3600).send().get(30, TimeUnit.SECONDS);
                Semaphore window = new Semaphore(IN_FLIGHT);
                for (int seq = 0; !stop.get(); seq++) {
                    window.acquire();
                    int number = seq;
                    sent = seq + 1;
                    client.publishWith().topic(topic).qos(qos)
                            .payload(Integer.toString(number).getBytes(StandardCharsets.UTF_8)).send()
                            .whenComplete((result, failure) -> {
                                if (failure == null && result.getError().isEmpty()) {
                                    acknowledged.add(number);
                                } else {
                                    refused.add(number);
                                    lastRefusal = System.nanoTime();
                                    if (firstRefusal == 0) {
                                        firstRefusal = lastRefusal;
                                    }
                                }
                                window.release();
                            });
                }
                window.acquire(IN_FLIGHT);
            } catch (Exception e) {
                throw new IllegalStateException(clientId + " failed\n" + suite.logs(), e);
            }
        }
    }
}
