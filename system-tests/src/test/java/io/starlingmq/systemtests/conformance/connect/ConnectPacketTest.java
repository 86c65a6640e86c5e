package io.starlingmq.systemtests.conformance.connect;

import io.starlingmq.systemtests.conformance.ConformanceTest;
import io.starlingmq.testing.mqtt.MqttPacketWriter;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.PropertyBytes;
import io.starlingmq.testing.mqtt.RawMqttClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** 3.1 CONNECT (MQTT 5.0): what the broker must refuse, and how. */
class ConnectPacketTest extends ConformanceTest {

    private static final int CLEAN_START = 0x02;
    private static final int WILL_FLAG = 0x04;
    private static final int WILL_QOS_1 = 0x08;
    private static final int WILL_QOS_3 = 0x18;
    private static final int WILL_RETAIN = 0x20;

    @Test
    @DisplayName("[MQTT-3.1.0-1] a PUBLISH as the first packet is refused: the connection is closed without reply")
    void aPacketOtherThanConnectFirstClosesTheConnection() throws Exception {
        RawMqttClient client = raw(V5);
        client.send(MqttPackets.publish(V5, topic("first"), 0, 0, "x".getBytes()));
        assertClosedWithoutReply(client);
    }

    @Test
    @DisplayName("[MQTT-3.1.0-2] a second CONNECT is a protocol error: DISCONNECT 0x82")
    void aSecondConnectIsAProtocolError() throws Exception {
        String id = clientId("twice");
        RawMqttClient client = rawConnected(V5, id);
        client.send(MqttPackets.connect(V5, id, 0));
        assertDisconnectedWith(client, 0x82);
    }

    @Test
    @DisplayName("[MQTT-3.1.2-1] a protocol name other than MQTT is refused and the connection closed")
    void aWrongProtocolNameIsRefused() throws Exception {
        RawMqttClient client = raw(V5);
        client.send(new MqttPacketWriter().string("MQTX").u8(5).u8(CLEAN_START).u16(0).varInt(0)
                .string(clientId("name")).packet(0x10));
        assertUnsupportedProtocolRefused(client);
    }

    @Test
    @DisplayName("[MQTT-3.1.2-2] an unsupported protocol version is refused (0x84, or 0x01 in the 3.1.1 form) and the connection closed")
    void anUnsupportedProtocolVersionIsRefused() throws Exception {
        RawMqttClient client = raw(V5);
        client.send(new MqttPacketWriter().string("MQTT").u8(6).u8(CLEAN_START).u16(0).varInt(0)
                .string(clientId("level")).packet(0x10));
        assertUnsupportedProtocolRefused(client);
    }

    /**
     * 5.0 §3.1.2.2 lets the server answer an unknown version with 0x84; a server that cannot know the
     * client's version may use the 3.1.1 form, return code 0x01. Either way nothing else is sent.
     */
    private static void assertUnsupportedProtocolRefused(RawMqttClient client) throws Exception {
        var packets = client.readUntilClosed();
        assertThat(packets).as("at most one CONNACK before the close").hasSizeLessThanOrEqualTo(1);
        packets.forEach(connack -> assertThat(hex(connack.connackCode())).isIn("0x84", "0x01"));
    }

    @Test
    @DisplayName("[MQTT-3.1.2-3] a CONNECT with the reserved flag set is malformed: refused and closed")
    void theReservedConnectFlagMustBeZero() throws Exception {
        RawMqttClient client = raw(V5);
        client.send(MqttPackets.connectWriter(V5, CLEAN_START | 0x01, 0, new byte[0])
                .string(clientId("reserved")).packet(0x10));
        assertMalformedConnectRefused(client);
    }

    @Test
    @DisplayName("[MQTT-3.1.2-11] Will QoS 1 without the Will Flag is malformed: refused and closed")
    void willQosWithoutWillFlagIsMalformed() throws Exception {
        RawMqttClient client = raw(V5);
        client.send(MqttPackets.connectWriter(V5, CLEAN_START | WILL_QOS_1, 0, new byte[0])
                .string(clientId("willqos")).packet(0x10));
        assertMalformedConnectRefused(client);
    }

    @Test
    @DisplayName("[MQTT-3.1.2-12] Will QoS 3 is malformed: refused and closed")
    void willQosThreeIsMalformed() throws Exception {
        RawMqttClient client = raw(V5);
        client.send(MqttPackets.connectWriter(V5, CLEAN_START | WILL_FLAG | WILL_QOS_3, 0, new byte[0])
                .string(clientId("willqos3")).varInt(0).string(topic("will")).string("bye").packet(0x10));
        assertMalformedConnectRefused(client);
    }

    @Test
    @DisplayName("[MQTT-3.1.2-13] Will Retain without the Will Flag is malformed: refused and closed")
    void willRetainWithoutWillFlagIsMalformed() throws Exception {
        RawMqttClient client = raw(V5);
        client.send(MqttPackets.connectWriter(V5, CLEAN_START | WILL_RETAIN, 0, new byte[0])
                .string(clientId("willretain")).packet(0x10));
        assertMalformedConnectRefused(client);
    }

    @Test
    @DisplayName("[MQTT-3.1.2-9] the Will Flag without will properties, topic and payload is malformed: refused and closed")
    void willFlagWithoutWillFieldsIsMalformed() throws Exception {
        RawMqttClient client = raw(V5);
        client.send(MqttPackets.connectWriter(V5, CLEAN_START | WILL_FLAG, 0, new byte[0])
                .string(clientId("nowill")).packet(0x10));
        assertMalformedConnectRefused(client);
    }

    @Test
    @DisplayName("[MQTT-3.1.3-11] [MQTT-3.3.2-2] a will topic with a wildcard is refused: CONNACK 0x90")
    void aWillTopicWithAWildcardIsRefused() throws Exception {
        RawMqttClient client = raw(V5);
        client.send(MqttPackets.connectWriter(V5, CLEAN_START | WILL_FLAG, 0, new byte[0])
                .string(clientId("willtopic")).varInt(0).string("conformance/+/will").string("bye").packet(0x10));
        assertRefusedWith(client, 0x90);
    }

    @Test
    @DisplayName("[MQTT-1.5.4-1] [MQTT-3.1.3-4] a client id that is not well-formed UTF-8 is malformed: refused and closed")
    void aClientIdWithIllFormedUtf8IsRefused() throws Exception {
        RawMqttClient client = raw(V5);
        client.send(MqttPackets.connectWriter(V5, CLEAN_START, 0, new byte[0])
                .binary(new byte[] {'i', 'd', (byte) 0xC3, 0x28}).packet(0x10));
        assertMalformedConnectRefused(client);
    }

    @Test
    @DisplayName("[MQTT-1.5.4-1] a client id holding a UTF-16 surrogate (U+D800) is malformed: refused and closed")
    void aClientIdWithASurrogateIsRefused() throws Exception {
        RawMqttClient client = raw(V5);
        client.send(MqttPackets.connectWriter(V5, CLEAN_START, 0, new byte[0])
                .binary(new byte[] {'i', 'd', (byte) 0xED, (byte) 0xA0, (byte) 0x80}).packet(0x10));
        assertMalformedConnectRefused(client);
    }

    @Test
    @DisplayName("[MQTT-1.5.4-2] a client id containing U+0000 is refused (CONNACK >= 0x80) and closed")
    void aClientIdWithTheNullCharacterIsRefused() throws Exception {
        RawMqttClient client = raw(V5);
        client.send(MqttPackets.connectWriter(V5, CLEAN_START, 0, new byte[0])
                .binary(new byte[] {'i', 'd', 0x00, 'x'}).packet(0x10));
        assertMalformedConnectRefused(client);
    }

    @Test
    @DisplayName("[MQTT-3.1.3-8] a client id longer than the broker accepts is refused: CONNACK 0x85")
    void aTooLongClientIdIsRefused() throws Exception {
        RawMqttClient client = raw(V5);
        client.send(MqttPackets.connect(V5, "x".repeat(300), 0));
        assertRefusedWith(client, 0x85);
    }

    @Test
    @DisplayName("[MQTT-3.1.3-8] an empty client id without Clean Start is refused: CONNACK 0x85")
    void anEmptyClientIdWithoutCleanStartIsRefused() throws Exception {
        RawMqttClient client = raw(V5);
        client.send(MqttPackets.connect(V5, "", 0, false, new byte[0]));
        assertRefusedWith(client, 0x85);
    }

    @Test
    @DisplayName("[MQTT-3.1.4-1] §2.2.2.2 a property CONNECT may not carry (Topic Alias) is malformed: CONNACK 0x81")
    void aPropertyNotAllowedInConnectIsMalformed() throws Exception {
        RawMqttClient client = raw(V5);
        client.send(MqttPackets.connect(V5, clientId("alias"), 0, true, PropertyBytes.topicAlias(1)));
        assertRefusedWith(client, 0x81);
    }

    @Test
    @DisplayName("§3.1.2.11.2 the Session Expiry Interval twice is a protocol error: CONNACK 0x82")
    void aRepeatedSessionExpiryIsAProtocolError() throws Exception {
        RawMqttClient client = raw(V5);
        client.send(MqttPackets.connect(V5, clientId("twice"), 0, true,
                PropertyBytes.of(PropertyBytes.sessionExpiry(10), PropertyBytes.sessionExpiry(20))));
        assertRefusedWith(client, 0x82);
    }

    @Test
    @DisplayName("§3.1.2.11.3 a Receive Maximum of 0 is a protocol error: CONNACK 0x82")
    void aReceiveMaximumOfZeroIsAProtocolError() throws Exception {
        RawMqttClient client = raw(V5);
        client.send(MqttPackets.connect(V5, clientId("rm0"), 0, true, PropertyBytes.receiveMaximum(0)));
        assertRefusedWith(client, 0x82);
    }

    @Test
    @DisplayName("§3.1.2.11.4 a Maximum Packet Size of 0 is a protocol error: CONNACK 0x82")
    void aMaximumPacketSizeOfZeroIsAProtocolError() throws Exception {
        RawMqttClient client = raw(V5);
        client.send(MqttPackets.connect(V5, clientId("mps0"), 0, true, PropertyBytes.maximumPacketSize(0)));
        assertRefusedWith(client, 0x82);
    }

    @Test
    @DisplayName("§3.1.2.11.7 Request Problem Information other than 0 or 1 is a protocol error: CONNACK 0x82")
    void anOutOfRangeRequestProblemInformationIsAProtocolError() throws Exception {
        RawMqttClient client = raw(V5);
        client.send(MqttPackets.connect(V5, clientId("rpi"), 0, true, PropertyBytes.byteProperty(0x17, 2)));
        assertRefusedWith(client, 0x82);
    }

    @Test
    @DisplayName("[MQTT-3.1.4-1] §3.2.2.2 a CONNECT larger than the broker's Maximum Packet Size is refused: closed, never accepted")
    void anOversizedConnectIsRefused() throws Exception {
        RawMqttClient client = raw(V5);
        // 2 MiB claimed, above the broker's 1 MiB default; only the start of the packet is sent.
        client.send(new MqttPacketWriter().bytes(new byte[] {0x10, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01})
                .string("MQTT").u8(5).u8(CLEAN_START).u16(0).varInt(0).string(clientId("big")).toBytes());
        assertMalformedConnectRefused(client);
    }

    @Test
    @DisplayName("[MQTT-3.1.4-1] a CONNECT whose remaining length ends inside the client id is malformed: closed without success")
    void aTruncatedConnectIsRefused() throws Exception {
        RawMqttClient client = raw(V5);
        byte[] body = MqttPackets.connectWriter(V5, CLEAN_START, 0, new byte[0]).u16(40).bytes("short".getBytes())
                .toBytes();
        client.send(new MqttPacketWriter().bytes(body).packet(0x10));
        assertMalformedConnectRefused(client);
    }
}
