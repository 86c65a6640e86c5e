package io.starlingmq.systemtests.conformance.publish;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.starlingmq.systemtests.conformance.ConformanceTest;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 4.5 Message receipt with independent client implementations: a QoS 2 message from a HiveMQ 5.0
 * client reaches Eclipse Paho 3.1.1 and Paho 5.0 subscribers on the other gateway, each exactly once.
 */
class ClientLibrariesTest extends ConformanceTest {

    @Test
    @DisplayName("[MQTT-4.5.0-1] [MQTT-4.3.3-2] a HiveMQ 5.0 QoS 2 publish reaches Paho 3.1.1 and Paho 5.0 subscribers on the other gateway at QoS 2")
    void aMessageReachesSubscribersOfBothVersionsAndLibraries() throws Exception {
        String topic = topic("libraries");
        String uri = "tcp://127.0.0.1:" + portB();

        BlockingQueue<String> v311Received = new ArrayBlockingQueue<>(8);
        MqttClient paho311 = new MqttClient(uri, clientId("paho3"), new MemoryPersistence());
        closeLater(paho311::close);
        MqttConnectOptions options311 = new MqttConnectOptions();
        options311.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        paho311.connect(options311);
        closeLater(paho311::disconnect);
        paho311.subscribe(topic, 2, (t, message) -> v311Received.add(message.getQos() + ":" + new String(message.getPayload(),
                StandardCharsets.UTF_8)));

        BlockingQueue<String> v5Received = new ArrayBlockingQueue<>(8);
        org.eclipse.paho.mqttv5.client.MqttClient paho5 = new org.eclipse.paho.mqttv5.client.MqttClient(uri,
                clientId("paho5"), new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
        closeLater(paho5::close);
        paho5.connect(new MqttConnectionOptions());
        closeLater(paho5::disconnect);
        paho5.subscribe(new org.eclipse.paho.mqttv5.common.MqttSubscription[] {
                new org.eclipse.paho.mqttv5.common.MqttSubscription(topic, 2)},
                new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {(t, message) -> v5Received.add(
                        message.getQos() + ":" + new String(message.getPayload(), StandardCharsets.UTF_8))});

        Mqtt5BlockingClient publisher = hive(portA(), clientId("hive"));
        publisher.connect();
        publisher.publishWith().topic(topic).qos(MqttQos.EXACTLY_ONCE).payload("exactly once".getBytes(StandardCharsets.UTF_8))
                .send();

        assertThat(v311Received.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("2:exactly once");
        assertThat(v5Received.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("2:exactly once");
        publisher.publishWith().topic(topic).qos(MqttQos.AT_MOST_ONCE).payload("marker".getBytes(StandardCharsets.UTF_8))
                .send();
        assertThat(v311Received.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).as("no second copy").isEqualTo("0:marker");
        assertThat(v5Received.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).as("no second copy").isEqualTo("0:marker");
    }
}
