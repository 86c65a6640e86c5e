package io.starlingmq.gateway.codec;

import static io.starlingmq.testing.mqtt.MqttPackets.V311;
import static io.starlingmq.testing.mqtt.MqttPackets.V5;

import io.starlingmq.testing.mqtt.MqttPacketWriter;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.PropertyBytes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PublishFrameRulesTest {

    private static final int MALFORMED = 0x81;
    private static final int PROTOCOL_ERROR = 0x82;

    @Test
    void aPublishWithPropertiesAndAnyPayloadPasses() {
        byte[] publish = MqttPackets.publish5("a/ü", 1, 9, PropertyBytes.of(PropertyBytes.payloadFormatIndicator(0),
                PropertyBytes.topicAlias(2), PropertyBytes.stringProperty(0x08, "reply".getBytes())),
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80, 0x00});

        FrameStage.connected(V5).assertPasses(publish);
        FrameStage.connected(V311).assertPasses(MqttPackets.publish(V311, "t", 2, 3, new byte[] {0x00}));
    }

    @Test
    @DisplayName("[MQTT-1.5.4-1] a topic with an encoded surrogate is malformed")
    void topicWithEncodedSurrogateIsMalformed() {
        FrameStage.connected(V5).assertRejected(new MqttPacketWriter().binary(MqttPacketWriter.ENCODED_SURROGATE)
                .properties().packet(0x30), MALFORMED);
        FrameStage.connected(V311).assertRejected(new MqttPacketWriter().binary(MqttPacketWriter.STRAY_CONTINUATION)
                .packet(0x30), MALFORMED);
    }

    @Test
    @DisplayName("[MQTT-1.5.4-2] U+0000 in a topic is malformed")
    void nullCharacterInTopicIsMalformed() {
        FrameStage.connected(V5).assertRejected(new MqttPacketWriter().binary(new byte[] {'a', 0x00})
                .properties().packet(0x30), MALFORMED);
    }

    @Test
    @DisplayName("[MQTT-3.3.1-4] QoS 3 and [MQTT-3.3.1-2] DUP on QoS 0 are malformed")
    void qos3AndDupOnQos0AreMalformed() {
        FrameStage.connected(V5).assertRejected(new MqttPacketWriter().string("t").u16(1).properties().packet(0x36),
                MALFORMED);
        FrameStage.connected(V311).assertRejected(new MqttPacketWriter().string("t").packet(0x38), MALFORMED);
    }

    @Test
    @DisplayName("[MQTT-2.2.1-3] packet identifier 0 on QoS 1 is malformed")
    void packetIdentifierZeroIsMalformed() {
        FrameStage.connected(V311).assertRejected(MqttPackets.publish(V311, "t", 1, 0, new byte[0]), MALFORMED);
    }

    @Test
    @DisplayName("[MQTT-3.3.4-6] a Subscription Identifier from a client is a Protocol Error")
    void subscriptionIdentifierFromAClientIsAProtocolError() {
        FrameStage.connected(V5).assertRejected(MqttPackets.publish5("t", 0, 0, PropertyBytes.subscriptionIdentifier(1),
                new byte[0]), PROTOCOL_ERROR);
    }

    @Test
    void repeatedOrOutOfRangePropertiesAreProtocolErrors() {
        FrameStage.connected(V5).assertRejected(MqttPackets.publish5("t", 0, 0, PropertyBytes.of(
                PropertyBytes.topicAlias(1), PropertyBytes.topicAlias(2)), new byte[0]), PROTOCOL_ERROR);
        FrameStage.connected(V5).assertRejected(MqttPackets.publish5("t", 0, 0, PropertyBytes.payloadFormatIndicator(2),
                new byte[0]), PROTOCOL_ERROR);
    }

    @Test
    void illFormedPropertyStringsAreMalformed() {
        FrameStage.connected(V5).assertRejected(MqttPackets.publish5("t", 0, 0,
                PropertyBytes.stringProperty(0x03, MqttPacketWriter.ENCODED_SURROGATE), new byte[0]), MALFORMED);
        FrameStage.connected(V5).assertRejected(MqttPackets.publish5("t", 0, 0,
                PropertyBytes.stringProperty(0x08, MqttPacketWriter.STRAY_CONTINUATION), new byte[0]), MALFORMED);
        FrameStage.connected(V5).assertRejected(MqttPackets.publish5("t", 0, 0,
                PropertyBytes.userProperty(MqttPacketWriter.ENCODED_SURROGATE, "v".getBytes()), new byte[0]), MALFORMED);
    }

    @Test
    void aPropertyLengthPastTheRemainingLengthIsMalformed() {
        FrameStage.connected(V5).assertRejected(new MqttPacketWriter().string("t").varInt(50).u8(0x01).packet(0x30),
                MALFORMED);
    }

    @Test
    void aPropertyValueCutByThePropertyLengthIsMalformed() {
        // The section claims 2 bytes; the Message Expiry Interval in it needs 5.
        FrameStage.connected(V5).assertRejected(new MqttPacketWriter().string("t").varInt(2).bytes(new byte[] {0x02, 0, 0, 0, 1})
                .packet(0x30), MALFORMED);
    }
}
