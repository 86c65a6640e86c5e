package io.starlingmq.systemtests;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import io.starlingmq.systemtests.harness.StarlingSuite;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Invariant 1 (for QoS 1): a message acknowledged to its publisher reaches a persistent session even
 * when the gateway holding the subscriber is SIGKILLed, and the subscriber resumes through another
 * gateway; in order, none missing.
 */
class PersistentSessionSurvivesGatewayKillTest {

    private static final String TOPIC = "plant/line-1/temperature";
    private static final int MESSAGES = 400;

    private StarlingSuite suite;
    private final List<Integer> received = new CopyOnWriteArrayList<>();
    private final List<Integer> acknowledged = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean publishing = new AtomicBoolean(true);
    private final ExecutorService publisherThread = Executors.newSingleThreadExecutor();

    @BeforeEach
    void startSuite() throws Exception {
        suite = StarlingSuite.start("gateway-kill", "gateway-a", "gateway-b");
    }

    @AfterEach
    void stopSuite() {
        publishing.set(false);
        publisherThread.shutdownNow();
        suite.close();
    }

    @Test
    void acknowledgedMessagesReachPersistentSubscriberThroughAnotherGatewayAfterSigkill() throws Exception {
        Mqtt5BlockingClient subscriberOnA = persistentSubscriber(suite.mqttPort("gateway-a"));
        Mqtt5ConnAck first = subscriberOnA.connectWith().cleanStart(true).sessionExpiryInterval(3600).send();
        assertThat(first.isSessionPresent()).isFalse();
        subscriberOnA.toAsync().publishes(MqttGlobalPublishFilter.ALL, this::record);
        subscriberOnA.subscribeWith().topicFilter("plant/+/temperature").qos(MqttQos.AT_LEAST_ONCE).send();

        Future<?> publisher = publisherThread.submit(this::publishFromGatewayB);

        await("first messages before the kill").atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 50);
        suite.process("gateway-a").kill();
        int acknowledgedAtKill = acknowledged.size();

        await("messages acknowledged while the subscriber is offline").atMost(Duration.ofSeconds(30))
                .until(() -> acknowledged.size() >= acknowledgedAtKill + 50);

        Mqtt5BlockingClient subscriberOnB = persistentSubscriber(suite.mqttPort("gateway-b"));
        subscriberOnB.toAsync().publishes(MqttGlobalPublishFilter.ALL, this::record);
        Mqtt5ConnAck resumed = subscriberOnB.connectWith().cleanStart(false).sessionExpiryInterval(3600).send();
        assertThat(resumed.isSessionPresent()).as("the session must survive its gateway").isTrue();

        publisher.get();
        assertThat(acknowledged).as("publisher acknowledgements").hasSize(MESSAGES);
        await("every acknowledged message delivered").atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(new LinkedHashSet<>(received)).containsAll(acknowledged));

        List<Integer> firstDeliveries = new ArrayList<>(new LinkedHashSet<>(received));
        assertThat(firstDeliveries).as("first delivery of each message, in publish order").isSorted();
        assertThat(firstDeliveries).containsExactlyElementsOf(acknowledged);
        subscriberOnB.disconnect();
    }

    private Mqtt5BlockingClient persistentSubscriber(int port) {
        return Mqtt5Client.builder().identifier("line-1-dashboard").serverHost("127.0.0.1").serverPort(port)
                .buildBlocking();
    }

    private void record(com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish publish) {
        received.add(Integer.parseInt(new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8)));
    }

    /** A 3.1.1 publisher (Eclipse Paho) sending QoS 1 messages one after another, each awaited. */
    private void publishFromGatewayB() {
        try {
            MqttClient client = new MqttClient("tcp://127.0.0.1:" + suite.mqttPort("gateway-b"), "line-1-sensor",
                    new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
            options.setCleanSession(true);
            options.setConnectionTimeout(10);
            client.connect(options);
            for (int seq = 0; seq < MESSAGES && publishing.get(); seq++) {
                client.publish(TOPIC, Integer.toString(seq).getBytes(StandardCharsets.UTF_8), 1, false);
                acknowledged.add(seq);
                Thread.sleep(5);
            }
            client.disconnect();
            client.close();
        } catch (MqttException e) {
            throw new IllegalStateException("publisher failed after " + acknowledged.size() + " messages\n"
                    + suite.logs(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
