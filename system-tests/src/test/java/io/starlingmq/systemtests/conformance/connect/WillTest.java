package io.starlingmq.systemtests.conformance.connect;

import io.starlingmq.systemtests.conformance.ConformanceTest;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.PropertyBytes;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** 3.1.2.5-3.1.2.7 and 3.1.3.2 Will (MQTT 5.0): when the will is published, and how. */
class WillTest extends ConformanceTest {

    private static final byte[] NONE = new byte[0];

    @Test
    @DisplayName("[MQTT-3.1.2-8] the will is published when the connection ends without DISCONNECT, on the other gateway too")
    void theWillIsPublishedWhenTheConnectionIsLost() throws Exception {
        String willTopic = topic("will");
        RawMqttClient watcher = subscriber(portB(), willTopic);
        RawMqttClient client = rawConnected(V5, MqttPackets.connectWithWill(V5, clientId("lost"), NONE, willTopic,
                "gone", 1, false, NONE));
        client.close();
        ReceivedPacket will = watcher.readUntil(ReceivedPacket.PUBLISH);
        assertThat(will.topic()).isEqualTo(willTopic);
        assertThat(will.payloadText()).isEqualTo("gone");
        assertThat(will.qos()).as("will QoS").isEqualTo(1);
    }

    @Test
    @DisplayName("[MQTT-3.1.2-10] [MQTT-3.14.4-3] DISCONNECT 0x00 discards the will: it is never published")
    void aNormalDisconnectDiscardsTheWill() throws Exception {
        String willTopic = topic("will");
        RawMqttClient watcher = subscriber(portA(), willTopic);
        RawMqttClient client = rawConnected(V5, MqttPackets.connectWithWill(V5, clientId("normal"), NONE, willTopic,
                "must not arrive", 0, false, NONE));
        client.send(MqttPackets.disconnect());
        assertThat(client.readUntilClosed()).isEmpty();
        watcher.send(MqttPackets.publish(V5, willTopic, 0, 0, "marker".getBytes()));
        assertThat(watcher.readUntil(ReceivedPacket.PUBLISH).payloadText())
                .as("the first message on the will topic").isEqualTo("marker");
    }

    @Test
    @DisplayName("§3.14.2.1 DISCONNECT 0x04 (Disconnect with Will Message) publishes the will")
    void disconnectWithWillMessagePublishesTheWill() throws Exception {
        String willTopic = topic("will");
        RawMqttClient watcher = subscriber(portA(), willTopic);
        RawMqttClient client = rawConnected(V5, MqttPackets.connectWithWill(V5, clientId("with-will"), NONE,
                willTopic, "asked for", 0, false, NONE));
        client.send(MqttPackets.disconnect(0x04, NONE));
        assertThat(client.readUntilClosed()).isEmpty();
        assertThat(watcher.readUntil(ReceivedPacket.PUBLISH).payloadText()).isEqualTo("asked for");
    }

    @Test
    @DisplayName("[MQTT-3.1.2-14] a will with Will Retain 0 is published as non-retained")
    void aWillWithoutRetainIsNotRetained() throws Exception {
        String willTopic = topic("will");
        RawMqttClient client = rawConnected(V5, MqttPackets.connectWithWill(V5, clientId("noretain"), NONE,
                willTopic, "not kept", 0, false, NONE));
        RawMqttClient watcher = subscriber(portA(), willTopic);
        client.close();
        assertThat(watcher.readUntil(ReceivedPacket.PUBLISH).retain()).isFalse();

        RawMqttClient late = subscriber(portB(), willTopic);
        late.send(MqttPackets.publish(V5, willTopic, 0, 0, "marker".getBytes()));
        assertThat(late.readUntil(ReceivedPacket.PUBLISH).payloadText())
                .as("a later subscriber gets no retained will").isEqualTo("marker");
    }

    @Test
    @DisplayName("[MQTT-3.1.2-15] a will with Will Retain 1 is published as retained: a later subscriber gets it")
    void aWillWithRetainIsRetained() throws Exception {
        String willTopic = topic("will");
        RawMqttClient client = rawConnected(V5, MqttPackets.connectWithWill(V5, clientId("retain"), NONE,
                willTopic, "kept", 1, true, NONE));
        RawMqttClient watcher = subscriber(portA(), willTopic);
        client.close();
        assertThat(watcher.readUntil(ReceivedPacket.PUBLISH).payloadText()).isEqualTo("kept");

        RawMqttClient late = subscriber(portB(), willTopic);
        ReceivedPacket retained = late.readUntil(ReceivedPacket.PUBLISH);
        assertThat(retained.payloadText()).isEqualTo("kept");
        assertThat(retained.retain()).as("RETAIN of a retained message sent on subscribe").isTrue();
        late.send(MqttPackets.publish(V5, willTopic, 1, 1, true, NONE, NONE));
        late.readUntil(ReceivedPacket.PUBACK);
    }

    @Test
    @DisplayName("[MQTT-3.1.3-9] a session resumed before the Will Delay Interval passes cancels the will")
    void resumingWithinTheWillDelayCancelsTheWill() throws Exception {
        String id = clientId("delayed");
        String willTopic = topic("will");
        RawMqttClient watcher = subscriber(portA(), willTopic);
        RawMqttClient client = rawConnected(V5, MqttPackets.connectWithWill(V5, id,
                PropertyBytes.sessionExpiry(600), willTopic, "must not arrive", 0, false,
                PropertyBytes.willDelay(5)));
        client.close();
        closeLater(RawMqttClient.connected(portB(), V5,
                MqttPackets.connect(V5, id, 0, false, PropertyBytes.sessionExpiry(600))));
        assertThat(watcher.silentFor(Duration.ofSeconds(8)))
                .as("nothing published on the will topic past the will delay").isTrue();
    }

    private RawMqttClient subscriber(int port, String topic) throws IOException {
        RawMqttClient client = closeLater(RawMqttClient.connected(port, V5, clientId("watch")));
        client.send(MqttPackets.subscribe(V5, 1, 1, topic));
        assertThat(client.readUntil(ReceivedPacket.SUBACK).filterReasonCodes()).containsExactly(1);
        return client;
    }
}
