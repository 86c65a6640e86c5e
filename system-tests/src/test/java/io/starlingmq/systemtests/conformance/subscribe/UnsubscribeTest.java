package io.starlingmq.systemtests.conformance.subscribe;

import io.starlingmq.systemtests.conformance.ConformanceTest;
import io.starlingmq.systemtests.harness.MqttPackets;
import io.starlingmq.systemtests.harness.RawMqttClient;
import io.starlingmq.systemtests.harness.ReceivedPacket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** 3.10 UNSUBSCRIBE and 3.11 UNSUBACK (MQTT 5.0). */
class UnsubscribeTest extends ConformanceTest {

    @Test
    @DisplayName("[MQTT-3.10.1-1] [MQTT-2.1.3-1] an UNSUBSCRIBE whose fixed header flags are not 0010 is malformed: DISCONNECT 0x81")
    void unsubscribeWithWrongFlagsIsMalformed() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("flags"));
        byte[] unsubscribe = MqttPackets.unsubscribe(V5, 1, topic("t"));
        unsubscribe[0] = (byte) 0xA0;
        client.send(unsubscribe);
        assertDisconnectedWith(client, 0x81);
    }

    @Test
    @DisplayName("[MQTT-3.10.3-2] an UNSUBSCRIBE without any topic filter is a protocol error: DISCONNECT 0x82")
    void unsubscribeWithoutFiltersIsAProtocolError() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("empty"));
        client.send(MqttPackets.unsubscribe(V5, 1));
        assertDisconnectedWith(client, 0x82);
    }

    @Test
    @DisplayName("[MQTT-2.2.1-3] an UNSUBSCRIBE with Packet Identifier 0 is refused: DISCONNECT 0x81 or 0x82")
    void packetIdentifierZeroIsRefused() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("id0"));
        client.send(MqttPackets.unsubscribe(V5, 0, topic("t")));
        assertDisconnectedWithOneOf(client, 0x81, 0x82);
    }

    @Test
    @DisplayName("[MQTT-3.10.4-4] [MQTT-3.10.4-5] [MQTT-3.10.4-6] [MQTT-3.11.3-1] [MQTT-3.11.3-2] one UNSUBACK with the Packet Identifier: 0x00 for a subscription, 0x11 for none, 0x8F for an ill-formed filter, in order")
    void unsubackAnswersEachFilterInOrder() throws Exception {
        String subscribed = topic("subscribed");
        RawMqttClient client = rawConnected(V5, clientId("unsub"));
        client.send(MqttPackets.subscribe(V5, 1, 1, subscribed));
        client.readUntil(ReceivedPacket.SUBACK);
        client.send(MqttPackets.unsubscribe(V5, 700, topic("never"), subscribed, "conformance/#/bad"));
        ReceivedPacket unsuback = client.readUntil(ReceivedPacket.UNSUBACK);
        assertThat(unsuback.packetId()).isEqualTo(700);
        assertThat(unsuback.filterReasonCodes()).containsExactly(0x11, 0x00, 0x8F);
    }

    @Test
    @DisplayName("[MQTT-3.10.4-1] [MQTT-3.10.4-2] after UNSUBACK no new message of the filter is delivered")
    void unsubscribingStopsDelivery() throws Exception {
        String topic = topic("stop");
        String other = topic("other");
        RawMqttClient client = rawConnected(V5, clientId("stop"));
        client.send(MqttPackets.subscribe(V5, 1, 1, topic, other));
        client.readUntil(ReceivedPacket.SUBACK);
        client.send(MqttPackets.unsubscribe(V5, 2, topic));
        assertThat(client.readUntil(ReceivedPacket.UNSUBACK).filterReasonCodes()).containsExactly(0x00);

        RawMqttClient publisher = closeLater(RawMqttClient.connected(portB(), V5, clientId("pub")));
        publisher.send(MqttPackets.publish(V5, topic, 1, 1, "unwanted".getBytes()));
        assertThat(hex(publisher.readUntil(ReceivedPacket.PUBACK).ackReasonCode())).isEqualTo("0x10");
        publisher.send(MqttPackets.publish(V5, other, 0, 0, "marker".getBytes()));
        assertThat(client.readUntil(ReceivedPacket.PUBLISH).payloadText()).isEqualTo("marker");
    }
}
