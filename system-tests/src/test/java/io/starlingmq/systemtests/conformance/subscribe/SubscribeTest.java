package io.starlingmq.systemtests.conformance.subscribe;

import io.starlingmq.systemtests.conformance.ConformanceTest;
import io.starlingmq.testing.mqtt.MqttPacketWriter;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** 3.8 SUBSCRIBE and 3.9 SUBACK (MQTT 5.0). */
class SubscribeTest extends ConformanceTest {

    @Test
    @DisplayName("[MQTT-3.8.1-1] [MQTT-2.1.3-1] a SUBSCRIBE whose fixed header flags are not 0010 is malformed: DISCONNECT 0x81")
    void subscribeWithWrongFlagsIsMalformed() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("flags"));
        byte[] subscribe = MqttPackets.subscribe(V5, 1, 0, topic("t"));
        subscribe[0] = (byte) 0x80;
        client.send(subscribe);
        assertDisconnectedWith(client, 0x81);
    }

    @Test
    @DisplayName("[MQTT-3.8.3-2] a SUBSCRIBE without any topic filter is a protocol error: DISCONNECT 0x82")
    void subscribeWithoutFiltersIsAProtocolError() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("empty"));
        client.send(MqttPackets.subscribe(V5, 1, 0));
        assertDisconnectedWith(client, 0x82);
    }

    @Test
    @DisplayName("[MQTT-3.8.3-5] a SUBSCRIBE with the reserved bits of the subscription options set is malformed: DISCONNECT 0x81")
    void reservedSubscriptionOptionBitsAreMalformed() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("reserved"));
        client.send(MqttPackets.subscribe(V5, 1, 0xC0 | 1, topic("t")));
        assertDisconnectedWith(client, 0x81);
    }

    @Test
    @DisplayName("§3.8.3.1 a subscription option Maximum QoS of 3 is a protocol error: DISCONNECT 0x82")
    void requestedQosThreeIsAProtocolError() throws Exception {
        // 5.0 §3.8.3.1 calls Maximum QoS 3 a Protocol Error (3.1.1 called it malformed, see v311/).
        RawMqttClient client = rawConnected(V5, clientId("qos3"));
        client.send(MqttPackets.subscribe(V5, 1, 3, topic("t")));
        assertDisconnectedWith(client, 0x82);
    }

    @Test
    @DisplayName("§3.8.3.1 a Retain Handling of 3 is a protocol error: DISCONNECT 0x82")
    void retainHandlingThreeIsAProtocolError() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("rh3"));
        client.send(MqttPackets.subscribe(V5, 1, 0x30 | 1, topic("t")));
        assertDisconnectedWith(client, 0x82);
    }

    @Test
    @DisplayName("[MQTT-3.8.3-1] [MQTT-1.5.4-1] a topic filter that is not well-formed UTF-8 is malformed: DISCONNECT 0x81")
    void aFilterWithIllFormedUtf8IsMalformed() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("utf8"));
        client.send(new MqttPacketWriter().u16(1).varInt(0).binary(new byte[] {'a', (byte) 0xC3, 0x28}).u8(0)
                .packet(0x82));
        assertDisconnectedWith(client, 0x81);
    }

    @Test
    @DisplayName("[MQTT-2.2.1-3] a SUBSCRIBE with Packet Identifier 0 is refused: DISCONNECT 0x81 or 0x82")
    void packetIdentifierZeroIsRefused() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("id0"));
        client.send(MqttPackets.subscribe(V5, 0, 0, topic("t")));
        assertDisconnectedWithOneOf(client, 0x81, 0x82);
    }

    @Test
    @DisplayName("[MQTT-3.8.4-1] [MQTT-3.8.4-2] [MQTT-3.8.4-5] [MQTT-3.8.4-6] [MQTT-3.8.4-7] [MQTT-3.9.3-1] one SUBACK with the Packet Identifier and the granted QoS of each filter, in order")
    void subackGrantsEachFilterInOrder() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("grant"));
        client.send(new MqttPacketWriter().u16(513).varInt(0)
                .string(topic("two")).u8(2).string(topic("zero")).u8(0).string(topic("one")).u8(1).packet(0x82));
        ReceivedPacket suback = client.readUntil(ReceivedPacket.SUBACK);
        assertThat(suback.packetId()).isEqualTo(513);
        assertThat(suback.filterReasonCodes()).containsExactly(2, 0, 1);
    }

    @Test
    @DisplayName("[MQTT-3.9.3-2] [MQTT-4.7.1-1] [MQTT-4.7.1-2] [MQTT-4.7.3-1] each ill-formed filter gets SUBACK 0x8F, the well-formed ones are granted")
    void illFormedFiltersGetTopicFilterInvalid() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("invalid"));
        String good = topic("good");
        client.send(new MqttPacketWriter().u16(2).varInt(0)
                .string("conformance/#/x").u8(1)
                .string(good).u8(1)
                .string("conformance/a+").u8(1)
                .string("conformance#").u8(1)
                .string("").u8(1)
                .packet(0x82));
        assertThat(client.readUntil(ReceivedPacket.SUBACK).filterReasonCodes()).containsExactly(0x8F, 1, 0x8F, 0x8F, 0x8F);
        assertThat(client.pingAnswered()).as("the connection stays open").isTrue();
    }

    @Test
    @DisplayName("[MQTT-3.8.4-3] subscribing again to the same filter replaces the subscription: one copy, at the new QoS")
    void aRepeatedSubscriptionReplacesTheFirst() throws Exception {
        String topic = topic("again");
        RawMqttClient client = rawConnected(V5, clientId("again"));
        client.send(MqttPackets.subscribe(V5, 1, 2, topic));
        assertThat(client.readUntil(ReceivedPacket.SUBACK).filterReasonCodes()).containsExactly(2);
        client.send(MqttPackets.subscribe(V5, 2, 0, topic));
        assertThat(client.readUntil(ReceivedPacket.SUBACK).filterReasonCodes()).containsExactly(0);

        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        publisher.send(MqttPackets.publish(V5, topic, 2, 1, "once".getBytes()));
        publisher.readUntil(ReceivedPacket.PUBREC);
        publisher.send(MqttPackets.pubrel(1));
        publisher.readUntil(ReceivedPacket.PUBCOMP);
        publisher.send(MqttPackets.publish(V5, topic, 0, 0, "marker".getBytes()));
        ReceivedPacket first = client.readUntil(ReceivedPacket.PUBLISH);
        assertThat(first.payloadText()).isEqualTo("once");
        assertThat(first.qos()).as("delivered at the replacing subscription's QoS").isZero();
        assertThat(client.readUntil(ReceivedPacket.PUBLISH).payloadText()).as("no second copy").isEqualTo("marker");
    }
}
