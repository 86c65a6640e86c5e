package io.starlingmq.systemtests;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import io.starlingmq.systemtests.harness.StarlingSuite;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Invariant 4: a client id is connected at most once in the cluster. A second connection with the
 * same client id through another gateway takes the session over; the old one is told (5.0:
 * DISCONNECT 0x8E) or closed (3.1.1), and the session's messages go to the new one.
 */
class TakeoverAcrossGatewaysTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private StarlingSuite suite;

    @BeforeEach
    void startSuite() throws Exception {
        suite = StarlingSuite.start("takeover", "gateway-a", "gateway-b");
    }

    @AfterEach
    void stopSuite() {
        suite.close();
    }

    @Test
    void v5ConnectionOnAnotherGatewayTakesTheSessionOverAndTheOldOneGetsSessionTakenOver() {
        AtomicReference<Mqtt5DisconnectReasonCode> oldConnectionReason = new AtomicReference<>();
        Mqtt5BlockingClient onA = Mqtt5Client.builder().identifier("meter-9").serverHost("127.0.0.1")
                .serverPort(suite.mqttPort("gateway-a"))
                .addDisconnectedListener(context -> {
                    if (context.getCause() instanceof Mqtt5DisconnectException disconnect) {
                        oldConnectionReason.set(disconnect.getMqttMessage().getReasonCode());
                    }
                })
                .buildBlocking();
        onA.connectWith().cleanStart(true).sessionExpiryInterval(3600).send();
        onA.subscribeWith().topicFilter("meters/9/commands").qos(MqttQos.AT_LEAST_ONCE).send();
        List<String> receivedOnA = new CopyOnWriteArrayList<>();
        onA.toAsync().publishes(MqttGlobalPublishFilter.ALL, p -> receivedOnA.add(payload(p.getPayloadAsBytes())));

        Mqtt5BlockingClient onB = Mqtt5Client.builder().identifier("meter-9").serverHost("127.0.0.1")
                .serverPort(suite.mqttPort("gateway-b")).buildBlocking();
        List<String> receivedOnB = new CopyOnWriteArrayList<>();
        onB.toAsync().publishes(MqttGlobalPublishFilter.ALL, p -> receivedOnB.add(payload(p.getPayloadAsBytes())));
        assertThat(onB.connectWith().cleanStart(false).sessionExpiryInterval(3600).send().isSessionPresent())
                .as("the new connection resumes the session").isTrue();

        await("the old connection told it was taken over").atMost(WAIT)
                .until(() -> oldConnectionReason.get() == Mqtt5DisconnectReasonCode.SESSION_TAKEN_OVER);

        Mqtt5BlockingClient operator = Mqtt5Client.builder().identifier("operator").serverHost("127.0.0.1")
                .serverPort(suite.mqttPort("gateway-a")).buildBlocking();
        operator.connect();
        operator.publishWith().topic("meters/9/commands").qos(MqttQos.AT_LEAST_ONCE)
                .payload("read".getBytes(StandardCharsets.UTF_8)).send();
        await("the session's subscription now delivers to the new connection").atMost(WAIT)
                .until(() -> receivedOnB.contains("read"));
        assertThat(receivedOnA).isEmpty();
        operator.disconnect();
        onB.disconnect();
    }

    @Test
    void v311ConnectionOnAnotherGatewayTakesTheSessionOverAndTheOldOneIsClosed() throws Exception {
        AtomicBoolean oldConnectionLost = new AtomicBoolean();
        MqttClient onA = new MqttClient("tcp://127.0.0.1:" + suite.mqttPort("gateway-a"), "meter-10",
                new MemoryPersistence());
        onA.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                oldConnectionLost.set(true);
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        onA.connect(options());

        MqttClient onB = new MqttClient("tcp://127.0.0.1:" + suite.mqttPort("gateway-b"), "meter-10",
                new MemoryPersistence());
        onB.connect(options());

        await("the old 3.1.1 connection closed").atMost(WAIT).untilTrue(oldConnectionLost);
        assertThat(onB.isConnected()).isTrue();
        onB.disconnect();
        onB.close();
        onA.close(true);
    }

    private static MqttConnectOptions options() {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(false);
        options.setAutomaticReconnect(false);
        return options;
    }

    private static String payload(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
