package io.starlingmq.systemtests.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.starlingmq.launcher.KafkaServer;
import io.starlingmq.launcher.RunningPart;
import io.starlingmq.systemtests.harness.KafkaRecords;
import io.starlingmq.systemtests.harness.SharedKafka;
import io.starlingmq.systemtests.harness.StarlingSuite;
import io.starlingmq.testing.TestRedis;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * QoS 1 publishers → Starling → bridge → a real Kafka (KRaft), read back with a plain Kafka consumer: every
 * message Starling acknowledged is in Kafka, in order per publisher (the record key), with its user properties
 * and content type as headers; also while the bridge is SIGKILLed and restarted, and while Kafka is stopped
 * and started again; a message its templates cannot render goes to the dead-letter topic with the reason.
 */
class MqttToKafkaTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(60);
    /** The bridge's in-flight window: the most a killed bridge can have sent without acknowledging. */
    private static final int WINDOW = 1000;

    private static KafkaServer kafka;
    private static StarlingSuite suite;
    private static KafkaRecords records;
    private static final java.util.Set<String> CREATED_TOPICS = new java.util.HashSet<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dir;

    @BeforeAll
    static void startServers() throws Exception {
        kafka = SharedKafka.startPrivate("mqtt-to-kafka", 3);
        TestRedis redis = TestRedis.shared();
        redis.flushAll();
        suite = StarlingSuite.startOnRedis("MqttToKafkaTest", redis.uri(), "gw-a");
        records = new KafkaRecords(kafka.bootstrapServers());
    }

    @AfterAll
    static void stopServers() {
        if (records != null) {
            records.close();
        }
        if (suite != null) {
            suite.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    /**
     * The rule's topic is made before the bridge first writes to it, as a deployment makes its topics: while
     * Kafka elects a just auto-created partition's leader, the producer's first batches are refused and retried,
     * and the very first of them can land out of order.
     */
    private RunningPart startBridge(String process, String rule, String filter, String topic, Map<String, String> extra)
            throws Exception {
        if (CREATED_TOPICS.add(topic)) {
            records.createTopic(topic, 3);
        }
        Map<String, String> settings = new java.util.LinkedHashMap<>(Map.of("kind", "mqtt-to-kafka",
                "filter", filter, "kafka-topic", topic));
        settings.putAll(extra);
        Path rules = new BridgeRules().rule(rule, settings).writeTo(dir);
        return suite.startBridge(process, "replica-0", "gw-a", rules,
                Map.of("STARLING_BRIDGE_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()));
    }

    private static List<Map.Entry<String, Integer>> keyedSequence(List<KafkaRecords.Record> read) {
        return read.stream().map(r -> Map.entry(r.key(), Integer.parseInt(r.text().substring(r.text().indexOf(':') + 1))))
                .map(e -> (Map.Entry<String, Integer>) new AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue()))
                .toList();
    }

    /** Every record of {@code topic} once {@code expected} are there (and a moment more, to see repeats). */
    private static List<KafkaRecords.Record> readEverything(String topic, int expected) {
        List<KafkaRecords.Record> first = records.readAll(topic, expected, ARRIVAL);
        assertThat(first).as("records in %s", topic).hasSizeGreaterThanOrEqualTo(expected);
        return records.readAll(topic, Integer.MAX_VALUE, Duration.ofSeconds(3));
    }

    @Test
    void everyAcknowledgedMessageIsInKafkaOnceInOrderPerPublisherWithItsHeaders() throws Exception {
        RunningPart bridge = startBridge("bridge-steady", "steady", "plant/+/steady", "steady", Map.of());
        try (SequencedPublisher a = new SequencedPublisher("dev-a", suite.mqttPort("gw-a"));
             SequencedPublisher b = new SequencedPublisher("dev-b", suite.mqttPort("gw-a"));
             SequencedPublisher c = new SequencedPublisher("dev-c", suite.mqttPort("gw-a"))) {
            for (int round = 0; round < 10; round++) {
                a.publish("plant/a/steady", 50);
                b.publish("plant/b/steady", 50);
                c.publish("plant/c/steady", 50);
            }

            List<KafkaRecords.Record> read = readEverything("steady", 1500);

            assertThat(read).hasSize(1500);
            Map<String, PerKeyOrder> orders = PerKeyOrder.of(keyedSequence(read));
            assertThat(orders).containsOnlyKeys("dev-a", "dev-b", "dev-c");
            orders.forEach((key, order) -> {
                assertThat(order.firstSeen()).as("values of %s in Kafka order", key)
                        .isEqualTo(IntStream.range(0, 500).boxed().toList());
                assertThat(order.repeats()).as("repeats of %s", key).isZero();
            });
            assertThat(read).allSatisfy(r -> {
                assertThat(r.header("seq")).contains(r.text().substring(r.text().indexOf(':') + 1));
                assertThat(r.header("content-type")).contains("text/plain");
            });
        } finally {
            bridge.close();
        }
    }

    @Test
    void aBridgeKilledAndRestartedLosesNothingAndResendsAtMostItsWindow() throws Exception {
        RunningPart first = startBridge("bridge-killed", "killed", "plant/+/killed", "killed", Map.of());
        RunningPart second = null;
        try (SequencedPublisher a = new SequencedPublisher("dev-a", suite.mqttPort("gw-a"));
             SequencedPublisher b = new SequencedPublisher("dev-b", suite.mqttPort("gw-a"))) {
            for (int round = 0; round < 4; round++) {
                a.publish("plant/a/killed", 100);
                b.publish("plant/b/killed", 100);
            }
            first.kill();
            // Published while no bridge runs: they wait in the bridge's session.
            for (int round = 0; round < 4; round++) {
                a.publish("plant/a/killed", 100);
                b.publish("plant/b/killed", 100);
            }
            second = startBridge("bridge-killed-again", "killed", "plant/+/killed", "killed", Map.of());
            for (int round = 0; round < 4; round++) {
                a.publish("plant/a/killed", 100);
                b.publish("plant/b/killed", 100);
            }

            List<KafkaRecords.Record> read = readEverything("killed", 2400);

            Map<String, PerKeyOrder> orders = PerKeyOrder.of(keyedSequence(read));
            assertThat(orders).containsOnlyKeys("dev-a", "dev-b");
            int repeats = 0;
            for (Map.Entry<String, PerKeyOrder> entry : orders.entrySet()) {
                assertThat(entry.getValue().firstSeen()).as("values of %s in Kafka order", entry.getKey())
                        .isEqualTo(IntStream.range(0, 1200).boxed().toList());
                repeats += entry.getValue().repeats();
            }
            assertThat(repeats).as("records sent again after the kill").isLessThanOrEqualTo(WINDOW);
            System.out.printf("bridge SIGKILL: 2400 acknowledged messages, all in Kafka in order, %d sent again%n",
                    repeats);
        } finally {
            first.close();
            if (second != null) {
                second.close();
            }
        }
    }

    @Test
    void whileKafkaIsStoppedMessagesWaitTheRuleIsNotReadyAndAfterwardsEachArrivesOnce() throws Exception {
        RunningPart bridge = startBridge("bridge-outage", "outage", "plant/+/outage", "outage", Map.of());
        try (SequencedPublisher a = new SequencedPublisher("dev-a", suite.mqttPort("gw-a"))) {
            a.publish("plant/a/outage", 200);
            assertThat(records.readAll("outage", 200, ARRIVAL)).hasSize(200);

            kafka.stop();
            a.publish("plant/a/outage", 300);
            awaitReadiness(bridge, 503, "outage");
            kafka.restart();
            a.publish("plant/a/outage", 200);

            List<KafkaRecords.Record> read = readEverything("outage", 700);

            assertThat(read).hasSize(700);
            PerKeyOrder order = PerKeyOrder.of(keyedSequence(read)).get("dev-a");
            assertThat(order.firstSeen()).isEqualTo(IntStream.range(0, 700).boxed().toList());
            assertThat(order.repeats()).isZero();
            awaitReadiness(bridge, 200, "outage");
        } finally {
            bridge.close();
            if (!kafka.isRunning()) {
                kafka.restart();
            }
        }
    }

    @Test
    void aMessageTheTemplatesCannotRenderGoesToTheDeadLetterTopicWithTheReasonAndTheRuleGoesOn() throws Exception {
        RunningPart bridge = startBridge("bridge-poison", "poison", "plant/+/poison", "poison",
                Map.of("key", "${payload.device}", "dead-letter-topic", "poison-dead"));
        try (SequencedPublisher a = new SequencedPublisher("dev-a", suite.mqttPort("gw-a"))) {
            // "dev-a:0" is not JSON: the key cannot be rendered.
            a.publish("plant/a/poison", 1);
            var json = com.hivemq.client.mqtt.mqtt5.Mqtt5Client.builder().identifier("dev-json")
                    .serverHost("127.0.0.1").serverPort(suite.mqttPort("gw-a")).buildBlocking();
            json.connect();
            json.publishWith().topic("plant/json/poison").qos(com.hivemq.client.mqtt.datatypes.MqttQos.AT_LEAST_ONCE)
                    .payload("{\"device\":\"pump-7\",\"v\":1}".getBytes()).send();
            json.disconnect();

            KafkaRecords.Record dead = records.readAll("poison-dead", 1, ARRIVAL).getFirst();
            assertThat(dead.text()).isEqualTo("dev-a:0");
            assertThat(dead.header("starling-rule")).contains("poison");
            assertThat(dead.header("starling-reason")).hasValueSatisfying(
                    reason -> assertThat(reason).startsWith("the payload is not JSON"));
            assertThat(dead.header("starling-source-topic")).contains("plant/a/poison");
            KafkaRecords.Record good = records.readAll("poison", 1, ARRIVAL).getFirst();
            assertThat(good.key()).isEqualTo("pump-7");
        } finally {
            bridge.close();
        }
    }

    private static void awaitReadiness(RunningPart bridge, int status, String rule) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bridge.httpPort()
                    + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (last.statusCode() == status && last.body().contains(rule)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("readiness never answered " + status + "; last: "
                + (last == null ? "nothing" : last.statusCode() + " " + last.body()));
    }
}
