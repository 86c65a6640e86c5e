package io.starlingmq.systemtests.conformance.publish;

import io.starlingmq.systemtests.conformance.ConformanceTest;
import io.starlingmq.testing.mqtt.MqttPacketWriter;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.PropertyBytes;
import io.starlingmq.testing.mqtt.RawMqttClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** 3.3 PUBLISH (MQTT 5.0): the malformed packets and protocol errors a client can send, and their reason codes. */
class PublishPacketTest extends ConformanceTest {

    private static final byte[] PAYLOAD = "p".getBytes();

    @Test
    @DisplayName("[MQTT-3.3.1-4] a PUBLISH with both QoS bits set is malformed: DISCONNECT 0x81")
    void qosThreeIsMalformed() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("qos3"));
        client.send(new MqttPacketWriter().string(topic("t")).u16(1).varInt(0).bytes(PAYLOAD).packet(0x36));
        assertDisconnectedWith(client, 0x81);
    }

    @Test
    @DisplayName("[MQTT-3.3.2-2] [MQTT-4.7.0-1] a PUBLISH topic with '+' is refused: DISCONNECT 0x90")
    void aTopicWithThePlusWildcardIsRefused() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("plus"));
        client.send(MqttPackets.publish(V5, "conformance/+/x", 0, 0, PAYLOAD));
        assertDisconnectedWith(client, 0x90);
    }

    @Test
    @DisplayName("[MQTT-3.3.2-2] [MQTT-4.7.0-1] a PUBLISH topic with '#' is refused: DISCONNECT 0x90")
    void aTopicWithTheHashWildcardIsRefused() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("hash"));
        client.send(MqttPackets.publish(V5, "conformance/#", 1, 1, PAYLOAD));
        assertDisconnectedWith(client, 0x90);
    }

    @Test
    @DisplayName("[MQTT-4.7.3-1] §3.3.2.1 an empty topic without a Topic Alias is a protocol error: DISCONNECT 0x82 or 0x90")
    void anEmptyTopicWithoutAliasIsAProtocolError() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("empty"));
        client.send(MqttPackets.publish(V5, "", 0, 0, PAYLOAD));
        // 4.13: a protocol error ends with 0x82 or a more specific code; 0x90 names the topic as the cause.
        assertDisconnectedWithOneOf(client, 0x82, 0x90);
    }

    @Test
    @DisplayName("[MQTT-1.5.4-2] [MQTT-4.7.3-2] a topic containing U+0000 is malformed: DISCONNECT 0x81 or 0x90")
    void aTopicWithTheNullCharacterIsRefused() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("null"));
        client.send(new MqttPacketWriter().binary(new byte[] {'a', 0x00, 'b'}).varInt(0).bytes(PAYLOAD).packet(0x30));
        // 0x90 (Topic Name invalid) is the more specific form of the malformed topic.
        assertDisconnectedWithOneOf(client, 0x81, 0x90);
    }

    @Test
    @DisplayName("[MQTT-1.5.4-1] [MQTT-3.3.2-1] a topic that is not well-formed UTF-8 is malformed: DISCONNECT 0x81")
    void aTopicWithIllFormedUtf8IsMalformed() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("utf8"));
        client.send(new MqttPacketWriter().binary(new byte[] {'a', (byte) 0xC3, 0x28}).varInt(0).bytes(PAYLOAD)
                .packet(0x30));
        assertDisconnectedWith(client, 0x81);
    }

    @Test
    @DisplayName("[MQTT-1.5.4-1] a topic holding a UTF-16 surrogate (U+D800) is malformed: DISCONNECT 0x81")
    void aTopicWithASurrogateIsMalformed() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("surrogate"));
        client.send(new MqttPacketWriter().binary(new byte[] {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80})
                .varInt(0).bytes(PAYLOAD).packet(0x30));
        assertDisconnectedWith(client, 0x81);
    }

    @Test
    @DisplayName("[MQTT-2.2.1-3] a QoS 1 PUBLISH with Packet Identifier 0 is refused: DISCONNECT 0x81 or 0x82")
    void packetIdentifierZeroIsRefused() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("id0"));
        client.send(MqttPackets.publish(V5, topic("t"), 1, 0, PAYLOAD));
        // The spec names no code: a missing identifier is malformed, a zero one a protocol error.
        assertDisconnectedWithOneOf(client, 0x81, 0x82);
    }

    @Test
    @DisplayName("[MQTT-3.3.2-8] §3.3.2.3.4 a Topic Alias of 0 is refused: DISCONNECT 0x94")
    void topicAliasZeroIsRefused() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("alias0"));
        client.send(MqttPackets.publish(V5, topic("t"), 0, 0, false, PropertyBytes.topicAlias(0), PAYLOAD));
        assertDisconnectedWith(client, 0x94);
    }

    @Test
    @DisplayName("[MQTT-3.3.2-9] a Topic Alias above the broker's Topic Alias Maximum is refused: DISCONNECT 0x94")
    void aTopicAliasAboveTheMaximumIsRefused() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("alias-max"));
        client.send(MqttPackets.publish(V5, topic("t"), 0, 0, false, PropertyBytes.topicAlias(65535),
                PAYLOAD));
        assertDisconnectedWith(client, 0x94);
    }

    @Test
    @DisplayName("§2.2.2.2 a property PUBLISH may not carry (Session Expiry Interval) is malformed: DISCONNECT 0x81")
    void aPropertyNotAllowedInPublishIsMalformed() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("prop"));
        client.send(MqttPackets.publish(V5, topic("t"), 0, 0, false, PropertyBytes.sessionExpiry(5),
                PAYLOAD));
        assertDisconnectedWith(client, 0x81);
    }

    @Test
    @DisplayName("[MQTT-3.3.4-6] a PUBLISH from a client with a Subscription Identifier is refused: DISCONNECT 0x81 or 0x82")
    void aSubscriptionIdentifierFromAClientIsRefused() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("subid"));
        client.send(MqttPackets.publish(V5, topic("t"), 0, 0, false, new byte[] {0x0B, 0x01}, PAYLOAD));
        // A property the packet may not carry (malformed) that the spec calls a protocol error.
        assertDisconnectedWithOneOf(client, 0x81, 0x82);
    }

    @Test
    @DisplayName("[MQTT-3.2.2-15] a packet larger than the Maximum Packet Size the broker announced: DISCONNECT 0x95")
    void aPacketOverTheMaximumPacketSizeIsRefused() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("big"));
        long maximum = (Long) client.connack().connackProperties().get(PropertyBytes.MAXIMUM_PACKET_SIZE);
        // Only the header is sent: the broker must judge the remaining length before reading the body.
        byte[] header = new MqttPacketWriter().varInt((int) maximum + 1).toBytes();
        byte[] start = new byte[header.length + 1];
        start[0] = 0x30;
        System.arraycopy(header, 0, start, 1, header.length);
        client.send(start);
        client.send(new MqttPacketWriter().string(topic("t")).varInt(0).toBytes());
        assertDisconnectedWith(client, 0x95);
    }
}
