package io.starlingmq.systemtests.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.starlingmq.launcher.RunningPart;
import io.starlingmq.systemtests.harness.StarlingSuite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bridge's {@code mqtt-to-webhook} rule end to end: QoS 1 publishers on a gateway, the packaged bridge
 * (a persistent shared subscription on Starling), and a real HTTP server in the test. Every message
 * acknowledged to its publisher reaches the webhook, while the webhook answers 503 for a while and across a
 * SIGKILL of the bridge; duplicates are allowed (at least once) and printed. A message the webhook answers
 * 400 goes to the rule's dead-letter topic on Starling.
 */
class WebhookBridgeTest {

    private static final String INSTANCE = "it";

    private static RecordingWebhook webhook;
    private static StarlingSuite suite;
    private static Path rules;
    private static RunningPart bridge;

    @BeforeAll
    static void start() throws Exception {
        webhook = new RecordingWebhook();
        suite = StarlingSuite.start("WebhookBridgeTest", "gateway-a");
        rules = Files.createDirectories(suite.logDir()).resolve("webhook-rules.properties");
        Files.writeString(rules, String.join("\n",
                "starling.bridge.rules.hook.kind=mqtt-to-webhook",
                "starling.bridge.rules.hook.filter=devices/#",
                "starling.bridge.rules.hook.url=" + webhook.url(),
                "starling.bridge.rules.hook.headers.X-Publisher=${clientid}",
                // Few, short retries: an outage of seconds outlasts them, so Starling's redelivery is exercised.
                "starling.bridge.rules.hook.retries=2",
                "starling.bridge.rules.hook.retry-delay=200ms",
                ""));
        bridge = suite.startBridge("bridge", INSTANCE, "gateway-a", rules, Map.of());
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
        if (webhook != null) {
            webhook.close();
        }
    }

    private static int port() {
        return suite.mqttPort("gateway-a");
    }

    private static long deliveredFrom(String publisher) {
        return webhook.deliveries().distinct().stream().filter(payload -> payload.startsWith(publisher + ":")).count();
    }

    @Test
    void everyAcknowledgedMessageArrivesThoughTheWebhookAnswers503ForAWhile() throws Exception {
        try (NumberedPublisher first = new NumberedPublisher("sensor-1", port());
             NumberedPublisher second = new NumberedPublisher("sensor-2", port())) {
            first.start("devices/sensor-1/temp", 250, 15);
            second.start("devices/sensor-2/temp", 250, 15);
            await("first messages at the webhook").atMost(Duration.ofSeconds(30))
                    .until(() -> deliveredFrom("sensor-1") + deliveredFrom("sensor-2") >= 60);
            webhook.refuseWith503(true);
            Thread.sleep(3_000);
            webhook.refuseWith503(false);

            List<String> acknowledged = new ArrayList<>(first.awaitAcknowledged());
            acknowledged.addAll(second.awaitAcknowledged());
            await("every acknowledged message at the webhook").atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(webhook.deliveries().missing(acknowledged)).isEmpty());

            assertThat(acknowledged).hasSize(500);
            assertThat(webhook.refused()).as("requests answered 503 during the outage").isPositive();
            assertThat(webhook.publisherMismatches()).as("X-Publisher (${clientid}) against the envelope").isEmpty();
            JsonNode envelope = webhook.envelopes().stream()
                    .filter(e -> e.path("payload").asText().equals("sensor-2:7")).findFirst().orElseThrow();
            assertThat(envelope.path("topic").asText()).isEqualTo("devices/sensor-2/temp");
            assertThat(envelope.path("clientid").asText()).isEqualTo("sensor-2");
            assertThat(envelope.path("qos").asInt()).isEqualTo(1);
            assertThat(envelope.path("payload_encoding").asText()).isEqualTo("utf8");
            assertThat(envelope.path("user_properties").path("seq").asText()).isEqualTo("7");
            System.out.printf("webhook outage: %d requests answered 503, %d duplicate deliveries in all%n",
                    webhook.refused(), webhook.deliveries().duplicates());
        }
    }

    @Test
    void aMessageTheWebhookRejectsWith400ReachesTheDeadLetterTopicWithTheAnswer() throws Exception {
        webhook.rejects("rogue-1");
        Mqtt5BlockingClient operator = Mqtt5Client.builder().identifier("dead-letter-watch").serverHost("127.0.0.1")
                .serverPort(port()).buildBlocking();
        operator.connectWith().cleanStart(true).send();
        BlockingQueue<Mqtt5Publish> deadLetters = new LinkedBlockingQueue<>();
        operator.toAsync().publishes(MqttGlobalPublishFilter.ALL, deadLetters::add);
        operator.subscribeWith().topicFilter("starling/bridge/dead-letter/hook").qos(MqttQos.AT_LEAST_ONCE).send();
        try (NumberedPublisher rogue = new NumberedPublisher("rogue-1", port())) {
            rogue.start("devices/rogue-1/temp", 1, 0).awaitAcknowledged();
            Mqtt5Publish deadLetter = deadLetters.poll(30, TimeUnit.SECONDS);
            assertThat(deadLetter).as("the dead letter").isNotNull();
            assertThat(new String(deadLetter.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("rogue-1:0");
            assertThat(deadLetter.getUserProperties().asList()).extracting(p -> p.getName() + "=" + p.getValue())
                    .contains("starling-rule=hook", "starling-source-topic=devices/rogue-1/temp",
                            "starling-reason=the webhook answered 400: unknown device rogue-1", "seq=0");
            assertThat(webhook.deliveries().distinct()).doesNotContain("rogue-1:0");
        } finally {
            operator.disconnect();
        }
    }

    @Test
    void noAcknowledgedMessageIsLostAcrossABridgeKillAndRestart() throws Exception {
        try (NumberedPublisher publisher = new NumberedPublisher("sensor-3", port())) {
            publisher.start("devices/sensor-3/temp", 400, 10);
            await("first messages at the webhook").atMost(Duration.ofSeconds(30))
                    .until(() -> deliveredFrom("sensor-3") >= 80);
            bridge.kill();
            assertThat(bridge.awaitExit(Duration.ofSeconds(10))).as("the bridge died").isTrue();
            long deliveredWhileAlive = deliveredFrom("sensor-3");

            bridge = suite.startBridge("bridge-restarted", INSTANCE, "gateway-a", rules, Map.of());
            List<String> acknowledged = publisher.awaitAcknowledged();
            await("every acknowledged message at the webhook").atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(webhook.deliveries().missing(acknowledged)).isEmpty());

            assertThat(acknowledged).hasSize(400);
            assertThat(deliveredWhileAlive).as("the kill came mid-stream").isLessThan(400);
            System.out.printf("bridge kill: %d of 400 delivered before it, %d duplicate deliveries in all%n",
                    deliveredWhileAlive, webhook.deliveries().duplicates());
        }
    }
}
