package io.starlingmq.systemtests.conformance.connect;

import io.starlingmq.systemtests.conformance.ConformanceTest;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.PropertyBytes;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** 3.2 CONNACK (MQTT 5.0): what an accepted CONNECT gets back. */
class ConnackTest extends ConformanceTest {

    @Test
    @DisplayName("[MQTT-3.1.4-5] [MQTT-3.2.0-1] [MQTT-3.2.2-1] an acceptable CONNECT gets CONNACK 0x00 first, reserved flag bits 0")
    void anAcceptableConnectGetsASuccessfulConnack() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("ok"));
        ReceivedPacket connack = client.connack();
        assertThat(connack.flags()).as("CONNACK fixed header flags").isZero();
        assertThat(connack.u8(0) & 0xFE).as("Connect Acknowledge Flags bits 7-1").isZero();
        assertThat(client.pingAnswered()).isTrue();
    }

    @Test
    @DisplayName("[MQTT-3.1.3-5] a client id of 23 characters from 0-9a-zA-Z is accepted")
    void aTwentyThreeCharacterAlphanumericClientIdIsAccepted() throws Exception {
        String id = ("Az09" + System.nanoTime() + "xxxxxxxxxxxxxxxxxxxxxxx").substring(0, 23);
        RawMqttClient client = rawConnected(V5, id);
        assertThat(client.connack().connackCode()).isZero();
    }

    @Test
    @DisplayName("[MQTT-3.1.3-6] [MQTT-3.1.3-7] [MQTT-3.2.2-16] an empty client id with Clean Start gets a unique Assigned Client Identifier")
    void anEmptyClientIdGetsAUniqueAssignedIdentifier() throws Exception {
        RawMqttClient first = rawConnected(V5, MqttPackets.connect(V5, "", 0));
        RawMqttClient second = rawConnected(V5, MqttPackets.connect(V5, "", 0));
        Object firstId = first.connack().connackProperties().get(PropertyBytes.ASSIGNED_CLIENT_IDENTIFIER);
        Object secondId = second.connack().connackProperties().get(PropertyBytes.ASSIGNED_CLIENT_IDENTIFIER);
        assertThat(firstId).isInstanceOf(String.class).asString().isNotEmpty();
        assertThat(secondId).isInstanceOf(String.class).isNotEqualTo(firstId);
        assertThat(first.pingAnswered()).as("the first connection is not taken over by the second").isTrue();
    }

    @Test
    @DisplayName("[MQTT-3.2.2-9] §3.2.2.3 CONNACK announces a non-zero Receive Maximum, a Maximum Packet Size and no Maximum QoS below 2")
    void connackAnnouncesTheBrokersLimits() throws Exception {
        Map<Integer, Object> properties = rawConnected(V5, clientId("limits")).connack().connackProperties();
        assertThat((Long) properties.get(PropertyBytes.RECEIVE_MAXIMUM)).as("Receive Maximum").isPositive();
        assertThat((Long) properties.get(PropertyBytes.MAXIMUM_PACKET_SIZE)).as("Maximum Packet Size").isPositive();
        assertThat(properties).as("QoS 2 is supported: Maximum QoS absent").doesNotContainKey(PropertyBytes.MAXIMUM_QOS);
        assertThat(properties.getOrDefault(PropertyBytes.RETAIN_AVAILABLE, 1L)).as("Retain Available").isEqualTo(1L);
    }

    @Test
    @DisplayName("[MQTT-3.1.4-6] after a refused CONNECT nothing the client sends is processed")
    void packetsAfterARefusedConnectAreNotProcessed() throws Exception {
        String topic = topic("after-refusal");
        RawMqttClient subscriber = rawConnected(V5, clientId("sub"));
        subscriber.send(MqttPackets.subscribe(V5, 1, 0, topic));
        assertThat(subscriber.readUntil(ReceivedPacket.SUBACK).filterReasonCodes()).containsExactly(0);

        RawMqttClient refused = raw(V5);
        byte[] connect = MqttPackets.connect(V5, "", 0, false, new byte[0]);
        byte[] publish = MqttPackets.publish(V5, topic, 0, 0, "must not arrive".getBytes());
        byte[] both = new byte[connect.length + publish.length];
        System.arraycopy(connect, 0, both, 0, connect.length);
        System.arraycopy(publish, 0, both, connect.length, publish.length);
        refused.send(both);
        assertRefusedWith(refused, 0x85);

        subscriber.send(MqttPackets.publish(V5, topic, 0, 0, "marker".getBytes()));
        ReceivedPacket first = subscriber.readUntil(ReceivedPacket.PUBLISH);
        assertThat(first.payloadText()).as("the first message the subscriber gets").isEqualTo("marker");
    }
}
