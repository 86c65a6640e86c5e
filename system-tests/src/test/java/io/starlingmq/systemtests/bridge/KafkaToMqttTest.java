package io.starlingmq.systemtests.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.starlingmq.launcher.KafkaServer;
import io.starlingmq.launcher.RunningPart;
import io.starlingmq.systemtests.harness.KafkaRecords;
import io.starlingmq.systemtests.harness.SharedKafka;
import io.starlingmq.systemtests.harness.StarlingSuite;
import io.starlingmq.testing.TestRedis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka records → bridge → Starling → an MQTT subscriber: every record arrives on the topic its template
 * names, with its user properties, also across a bridge SIGKILL (offsets are committed only after Starling
 * routed the message, so the restarted bridge resends what was not confirmed); a record its templates
 * cannot render goes to the dead-letter topic.
 */
class KafkaToMqttTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(60);

    private static KafkaServer kafka;
    private static StarlingSuite suite;
    private static KafkaRecords records;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServers() throws Exception {
        kafka = SharedKafka.shared();
        TestRedis redis = TestRedis.shared();
        redis.flushAll();
        suite = StarlingSuite.startOnRedis("KafkaToMqttTest", redis.uri(), "gw-a");
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
    }

    private RunningPart startBridge(String process, String rule, String kafkaTopic, Map<String, String> extra)
            throws IOException {
        Map<String, String> settings = new java.util.LinkedHashMap<>(Map.of("kind", "kafka-to-mqtt",
                "kafka-topics", kafkaTopic, "mqtt-topic", "from-kafka/" + rule + "/${key}", "qos", "1",
                "user-properties.trace", "${headers.trace}", "dead-letter-topic", rule + "-dead"));
        settings.putAll(extra);
        Path rules = new BridgeRules().rule(rule, settings).writeTo(dir);
        return suite.startBridge(process, "replica-0", "gw-a", rules,
                Map.of("STARLING_BRIDGE_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()));
    }

    /** A QoS 1 subscriber on {@code filter}, recording each payload it gets. */
    private static Mqtt5AsyncClient subscribe(String id, String filter, ConcurrentLinkedQueue<Mqtt5Publish> into)
            throws Exception {
        Mqtt5AsyncClient client = Mqtt5Client.builder().identifier(id).serverHost("127.0.0.1")
                .serverPort(suite.mqttPort("gw-a")).buildAsync();
        client.connect().get(10, TimeUnit.SECONDS);
        client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).callback(into::add).send()
                .get(10, TimeUnit.SECONDS);
        return client;
    }

    private static Set<String> payloads(ConcurrentLinkedQueue<Mqtt5Publish> received) {
        Set<String> payloads = new HashSet<>();
        received.forEach(p -> payloads.add(new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8)));
        return payloads;
    }

    private static void awaitPayloads(ConcurrentLinkedQueue<Mqtt5Publish> received, int count) throws InterruptedException {
        long deadline = System.nanoTime() + ARRIVAL.toNanos();
        while (payloads(received).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    @Test
    void everyRecordArrivesOnItsTopicWithItsUserProperties() throws Exception {
        ConcurrentLinkedQueue<Mqtt5Publish> received = new ConcurrentLinkedQueue<>();
        Mqtt5AsyncClient subscriber = subscribe("sub-steady", "from-kafka/steady/#", received);
        RunningPart bridge = startBridge("bridge-steady", "steady", "out-steady", Map.of());
        try {
            for (int i = 0; i < 300; i++) {
                records.produce("out-steady", "pump-" + (i % 3), "reading-" + i, Map.of("trace", "t-" + i));
            }
            awaitPayloads(received, 300);

            assertThat(payloads(received)).isEqualTo(IntStream.range(0, 300).mapToObj(i -> "reading-" + i)
                    .collect(java.util.stream.Collectors.toSet()));
            assertThat(received).allSatisfy(publish -> {
                String payload = new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8);
                int i = Integer.parseInt(payload.substring("reading-".length()));
                assertThat(publish.getTopic().toString()).isEqualTo("from-kafka/steady/pump-" + (i % 3));
                assertThat(publish.getUserProperties().asList()).anySatisfy(property -> {
                    assertThat(property.getName().toString()).isEqualTo("trace");
                    assertThat(property.getValue().toString()).isEqualTo("t-" + i);
                });
            });
        } finally {
            bridge.close();
            subscriber.disconnect();
        }
    }

    @Test
    void everyRecordArrivesAcrossABridgeKill() throws Exception {
        ConcurrentLinkedQueue<Mqtt5Publish> received = new ConcurrentLinkedQueue<>();
        Mqtt5AsyncClient subscriber = subscribe("sub-killed", "from-kafka/killed/#", received);
        RunningPart first = startBridge("bridge-killed", "killed", "out-killed", Map.of());
        RunningPart second = null;
        try {
            for (int i = 0; i < 1000; i++) {
                records.produce("out-killed", "pump-" + (i % 5), "reading-" + i, Map.of("trace", "t-" + i));
                if (i == 400) {
                    first.kill();
                }
            }
            second = startBridge("bridge-killed-again", "killed", "out-killed", Map.of());
            awaitPayloads(received, 1000);

            assertThat(payloads(received)).as("distinct payloads received").hasSize(1000);
            System.out.printf("bridge SIGKILL: 1000 records, all published to MQTT, %d deliveries in all%n",
                    received.size());
        } finally {
            first.close();
            if (second != null) {
                second.close();
            }
            subscriber.disconnect();
        }
    }

    @Test
    void aRecordTheTemplatesCannotRenderGoesToTheDeadLetterTopicAndTheRestArrive() throws Exception {
        ConcurrentLinkedQueue<Mqtt5Publish> received = new ConcurrentLinkedQueue<>();
        Mqtt5AsyncClient subscriber = subscribe("sub-poison", "from-kafka/poison/#", received);
        RunningPart bridge = startBridge("bridge-poison", "poison", "out-poison", Map.of());
        try {
            records.produce("out-poison", null, "no key", Map.of("trace", "t-0"));
            records.produce("out-poison", "pump-1", "keyed", Map.of("trace", "t-1"));

            List<KafkaRecords.Record> dead = records.readAll("poison-dead", 1, ARRIVAL);
            assertThat(dead).singleElement().satisfies(record -> {
                assertThat(record.text()).isEqualTo("no key");
                assertThat(record.header("starling-reason")).contains("the record has no key");
                assertThat(record.header("starling-source-topic")).contains("out-poison");
                assertThat(record.header("starling-source-offset")).contains("0");
                assertThat(record.header("trace")).contains("t-0");
            });
            awaitPayloads(received, 1);
            assertThat(payloads(received)).containsExactly("keyed");
        } finally {
            bridge.close();
            subscriber.disconnect();
        }
    }
}
