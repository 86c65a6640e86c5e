package io.starlingmq.systemtests.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.starlingmq.systemtests.harness.MosquittoServer;
import io.starlingmq.systemtests.harness.StarlingSuite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bridge's broker rules end to end against a real Mosquitto (MQTT 5): {@code mqtt-to-mqtt} carries
 * Starling's {@code plant/#} to Mosquitto under {@code site-a/}, with user properties, content type and
 * retain flag, and loses no acknowledged message while Mosquitto restarts (SIGTERM, then a start on the same
 * port and persistence file); {@code mqtt-from-mqtt} carries Mosquitto's {@code sensors/#} into Starling
 * under {@code from-site-a/}. Publishers and subscribers are HiveMQ MQTT 5 clients.
 */
class BrokerBridgeTest {

    private static StarlingSuite suite;
    private static MosquittoServer mosquitto;

    @BeforeAll
    static void start() throws Exception {
        suite = StarlingSuite.start("BrokerBridgeTest", "gateway-a");
        Path dir = suite.logDir().resolve("mosquitto");
        deleteRecursively(dir);
        mosquitto = MosquittoServer.start(dir);
        Path rules = suite.logDir().resolve("broker-rules.properties");
        Files.writeString(rules, String.join("\n",
                "starling.bridge.rules.to-site.kind=mqtt-to-mqtt",
                "starling.bridge.rules.to-site.filter=plant/#",
                "starling.bridge.rules.to-site.topic=site-a/${topic}",
                "starling.bridge.rules.to-site.remote.host=127.0.0.1",
                "starling.bridge.rules.to-site.remote.port=" + mosquitto.port(),
                "starling.bridge.rules.from-site.kind=mqtt-from-mqtt",
                "starling.bridge.rules.from-site.remote-filter=sensors/#",
                "starling.bridge.rules.from-site.topic=from-site-a/${topic}",
                "starling.bridge.rules.from-site.remote.host=127.0.0.1",
                "starling.bridge.rules.from-site.remote.port=" + mosquitto.port(),
                ""));
        suite.startBridge("bridge", "it", "gateway-a", rules, Map.of());
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static Mqtt5BlockingClient connect(String clientId, int port) {
        Mqtt5BlockingClient client = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1")
                .serverPort(port).buildBlocking();
        client.connectWith().cleanStart(true).send();
        return client;
    }

    private static BlockingQueue<Mqtt5Publish> subscribe(Mqtt5BlockingClient client, String filter) {
        BlockingQueue<Mqtt5Publish> received = new LinkedBlockingQueue<>();
        client.toAsync().publishes(MqttGlobalPublishFilter.ALL, received::add);
        client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send();
        return received;
    }

    private static List<String> userProperties(Mqtt5Publish publish) {
        return publish.getUserProperties().asList().stream()
                .map(property -> property.getName() + "=" + property.getValue()).toList();
    }

    private static String text(Mqtt5Publish publish) {
        return new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void starlingMessagesReachMosquittoUnderThePrefixWithTheirPropertiesAndRetainFlag() throws Exception {
        Mqtt5BlockingClient watcher = connect("site-a-watcher", mosquitto.port());
        Mqtt5BlockingClient device = connect("line-1-sensor", suite.mqttPort("gateway-a"));
        try {
            BlockingQueue<Mqtt5Publish> atSiteA = subscribe(watcher, "site-a/plant/line-1/#");
            device.publishWith().topic("plant/line-1/temp").qos(MqttQos.AT_LEAST_ONCE)
                    .payload("21.5".getBytes(StandardCharsets.UTF_8)).contentType("text/plain")
                    .userProperties().add("unit", "C").add("site", "a").applyUserProperties().send();

            Mqtt5Publish carried = atSiteA.poll(15, TimeUnit.SECONDS);
            assertThat(carried).as("the message at Mosquitto").isNotNull();
            assertThat(carried.getTopic()).hasToString("site-a/plant/line-1/temp");
            assertThat(text(carried)).isEqualTo("21.5");
            assertThat(carried.getQos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
            assertThat(carried.getContentType()).hasValueSatisfying(type -> assertThat(type).hasToString("text/plain"));
            assertThat(userProperties(carried)).as("user properties, the gateway's starling-publisher not among them")
                    .containsExactly("unit=C", "site=a");

            device.publishWith().topic("plant/line-1/state").qos(MqttQos.AT_LEAST_ONCE).retain(true)
                    .payload("running".getBytes(StandardCharsets.UTF_8)).send();
            Mqtt5Publish live = atSiteA.poll(15, TimeUnit.SECONDS);
            assertThat(live).as("the retained message carried").isNotNull();
            assertThat(live.getTopic()).hasToString("site-a/plant/line-1/state");

            Mqtt5BlockingClient latecomer = connect("site-a-latecomer", mosquitto.port());
            try {
                Mqtt5Publish retained = subscribe(latecomer, "site-a/plant/line-1/state").poll(10, TimeUnit.SECONDS);
                assertThat(retained).as("Mosquitto kept it as retained").isNotNull();
                assertThat(retained.isRetain()).isTrue();
                assertThat(text(retained)).isEqualTo("running");
            } finally {
                latecomer.disconnect();
            }
        } finally {
            device.disconnect();
            watcher.disconnect();
        }
    }

    @Test
    void noAcknowledgedMessageIsLostWhileMosquittoRestarts() throws Exception {
        Deliveries deliveries = new Deliveries();
        Mqtt5AsyncClient archive = Mqtt5Client.builder().identifier("site-a-archive").serverHost("127.0.0.1")
                .serverPort(mosquitto.port())
                .automaticReconnect().initialDelay(100, TimeUnit.MILLISECONDS).maxDelay(1, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .buildAsync();
        archive.publishes(MqttGlobalPublishFilter.ALL, publish -> deliveries.add(text(publish)));
        archive.connectWith().cleanStart(true).sessionExpiryInterval(600).send().get(10, TimeUnit.SECONDS);
        archive.subscribeWith().topicFilter("site-a/plant/stream/#").qos(MqttQos.AT_LEAST_ONCE).send()
                .get(10, TimeUnit.SECONDS);
        try (NumberedPublisher publisher = new NumberedPublisher("line-2", suite.mqttPort("gateway-a"))) {
            publisher.start("plant/stream/line-2", 400, 10);
            await("first messages at Mosquitto").atMost(Duration.ofSeconds(30))
                    .until(() -> deliveries.distinct().size() >= 80);
            mosquitto.restart();
            int deliveredBeforeRestart = deliveries.distinct().size();

            List<String> acknowledged = publisher.awaitAcknowledged();
            await("every acknowledged message at Mosquitto").atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(deliveries.missing(acknowledged)).isEmpty());

            assertThat(acknowledged).hasSize(400);
            assertThat(deliveredBeforeRestart).as("the restart came mid-stream").isLessThan(400);
            System.out.printf("mosquitto restart: %d of 400 delivered before it, %d duplicate deliveries%n",
                    deliveredBeforeRestart, deliveries.duplicates());
        } finally {
            archive.disconnect();
        }
    }

    @Test
    void mosquittoMessagesReachStarlingUnderTheTopicTemplate() throws Exception {
        Deliveries deliveries = new Deliveries();
        Mqtt5BlockingClient subscriber = connect("from-site-a-dashboard", suite.mqttPort("gateway-a"));
        try {
            BlockingQueue<Mqtt5Publish> received = subscribe(subscriber, "from-site-a/sensors/#");
            try (NumberedPublisher publisher = new NumberedPublisher("s-1", mosquitto.port())) {
                publisher.start("sensors/s-1/temp", 50, 5);
                List<String> acknowledged = publisher.awaitAcknowledged();
                List<Mqtt5Publish> carried = new ArrayList<>();
                await("every acknowledged message in Starling").atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> {
                            List<Mqtt5Publish> batch = new ArrayList<>();
                            received.drainTo(batch);
                            batch.forEach(publish -> deliveries.add(text(publish)));
                            carried.addAll(batch);
                            assertThat(deliveries.missing(acknowledged)).isEmpty();
                        });
                assertThat(carried).allSatisfy(publish -> {
                    assertThat(publish.getTopic()).hasToString("from-site-a/sensors/s-1/temp");
                    assertThat(userProperties(publish)).containsExactly("seq=" + text(publish).substring(4));
                });
                System.out.printf("mosquitto to starling: 50 messages, %d duplicate deliveries%n",
                        deliveries.duplicates());
            }
        } finally {
            subscriber.disconnect();
        }
    }
}
