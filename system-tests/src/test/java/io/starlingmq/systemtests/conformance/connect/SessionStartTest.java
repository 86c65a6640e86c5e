package io.starlingmq.systemtests.conformance.connect;

import io.starlingmq.systemtests.conformance.ConformanceTest;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.PropertyBytes;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** 3.1.2.4 Clean Start, 3.2.2.1.1 Session Present and 3.1.4 takeover (MQTT 5.0), across both gateways. */
class SessionStartTest extends ConformanceTest {

    private static final byte[] ONE_HOUR = PropertyBytes.sessionExpiry(3600);

    @Test
    @DisplayName("[MQTT-3.1.2-6] [MQTT-3.2.2-3] Clean Start 0 without a session starts a new one: Session Present 0")
    void cleanStartZeroWithoutASessionStartsANewOne() throws Exception {
        RawMqttClient client = rawConnected(V5, MqttPackets.connect(V5, clientId("new"), 0, false, ONE_HOUR));
        assertThat(client.connack().sessionPresent()).isFalse();
    }

    @Test
    @DisplayName("[MQTT-3.1.2-5] [MQTT-3.2.2-3] Clean Start 0 with a session resumes it (through the other gateway): Session Present 1, subscriptions kept")
    void cleanStartZeroResumesTheSession() throws Exception {
        String id = clientId("resume");
        String topic = topic("kept");
        subscribeAndLeave(id, topic);

        RawMqttClient resumed = closeLater(RawMqttClient.connected(portB(), V5,
                MqttPackets.connect(V5, id, 0, false, ONE_HOUR)));
        assertThat(resumed.connack().sessionPresent()).isTrue();
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        publisher.send(MqttPackets.publish(V5, topic, 1, 1, "still subscribed".getBytes()));
        assertThat(publisher.readUntil(ReceivedPacket.PUBACK).ackReasonCode()).isZero();
        assertThat(resumed.readUntil(ReceivedPacket.PUBLISH).payloadText()).isEqualTo("still subscribed");
    }

    @Test
    @DisplayName("[MQTT-3.1.2-4] [MQTT-3.2.2-2] Clean Start 1 discards the existing session: Session Present 0, its subscriptions gone")
    void cleanStartOneDiscardsTheSession() throws Exception {
        String id = clientId("discard");
        String topic = topic("gone");
        subscribeAndLeave(id, topic);

        RawMqttClient fresh = closeLater(RawMqttClient.connected(portB(), V5,
                MqttPackets.connect(V5, id, 0, true, ONE_HOUR)));
        assertThat(fresh.connack().sessionPresent()).isFalse();
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        publisher.send(MqttPackets.publish(V5, topic, 1, 1, "nobody".getBytes()));
        assertThat(hex(publisher.readUntil(ReceivedPacket.PUBACK).ackReasonCode()))
                .as("PUBACK: the discarded subscription matches nothing").isEqualTo("0x10");
    }

    @Test
    @DisplayName("[MQTT-3.1.4-3] a second connection with the same client id on the same gateway takes over: DISCONNECT 0x8E to the first")
    void aSecondConnectionOnTheSameGatewayTakesOver() throws Exception {
        assertTakeover(portA());
    }

    @Test
    @DisplayName("[MQTT-3.1.4-3] a second connection with the same client id on the other gateway takes over: DISCONNECT 0x8E to the first")
    void aSecondConnectionOnTheOtherGatewayTakesOver() throws Exception {
        assertTakeover(portB());
    }

    private void assertTakeover(int secondPort) throws Exception {
        String id = clientId("taken");
        RawMqttClient first = rawConnected(V5, id);
        RawMqttClient second = closeLater(RawMqttClient.connected(secondPort, V5, id));
        assertDisconnectedWith(first, 0x8E);
        assertThat(second.pingAnswered()).isTrue();
    }

    /** A persistent session subscribed to {@code topic}, its connection then ended by DISCONNECT. */
    private void subscribeAndLeave(String clientId, String topic) throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(portA(), V5,
                MqttPackets.connect(V5, clientId, 0, true, ONE_HOUR))) {
            client.send(MqttPackets.subscribe(V5, 1, 1, topic));
            assertThat(client.readUntil(ReceivedPacket.SUBACK).filterReasonCodes()).containsExactly(1);
            client.send(MqttPackets.disconnect());
            assertThat(client.readUntilClosed()).isEmpty();
        }
    }
}
