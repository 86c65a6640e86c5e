package io.starlingmq.gateway.codec;

import static io.starlingmq.testing.mqtt.MqttPackets.V311;
import static io.starlingmq.testing.mqtt.MqttPackets.V5;

import io.starlingmq.testing.mqtt.MqttPacketWriter;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.PropertyBytes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SubscribeFrameRulesTest {

    private static final int MALFORMED = 0x81;
    private static final int PROTOCOL_ERROR = 0x82;

    @Test
    void subscribesWithEveryOptionPass() {
        // QoS 2, No Local, Retain As Published, Retain Handling 2.
        FrameStage.connected(V5).assertPasses(MqttPackets.subscribe5(1, PropertyBytes.subscriptionIdentifier(5), "a/#", 0x2E));
        FrameStage.connected(V311).assertPasses(MqttPackets.subscribe(V311, 1, 2, "a/+", "b"));
    }

    @Test
    @DisplayName("[MQTT-3.8.3-5] reserved subscription option bits are malformed")
    void reservedOptionBitsAreMalformed() {
        FrameStage.connected(V5).assertRejected(MqttPackets.subscribe5(1, new byte[0], "a", 0x41), MALFORMED);
        FrameStage.connected(V5).assertRejected(MqttPackets.subscribe5(1, new byte[0], "a", 0x80), MALFORMED);
        FrameStage.connected(V311).assertRejected(MqttPackets.subscribe(V311, 1, 0x04, "a"), MALFORMED);
    }

    @Test
    @DisplayName("5.0 §3.8.3.1: Retain Handling 3 and QoS 3 are Protocol Errors")
    void retainHandling3AndQos3AreProtocolErrors() {
        FrameStage.connected(V5).assertRejected(MqttPackets.subscribe5(1, new byte[0], "a", 0x30), PROTOCOL_ERROR);
        FrameStage.connected(V5).assertRejected(MqttPackets.subscribe5(1, new byte[0], "a", 0x03), PROTOCOL_ERROR);
    }

    @Test
    @DisplayName("[MQTT-1.5.4-1] a filter with ill-formed UTF-8 is malformed")
    void illFormedFilterIsMalformed() {
        FrameStage.connected(V5).assertRejected(new MqttPacketWriter().u16(1).properties()
                .binary(MqttPacketWriter.ENCODED_SURROGATE).u8(0).packet(0x82), MALFORMED);
        FrameStage.connected(V311).assertRejected(new MqttPacketWriter().u16(1)
                .binary(MqttPacketWriter.STRAY_CONTINUATION).u8(0).packet(0x82), MALFORMED);
    }

    @Test
    @DisplayName("[MQTT-3.8.3-2] a SUBSCRIBE without a filter is a Protocol Error")
    void noFilterIsAProtocolError() {
        FrameStage.connected(V5).assertRejected(new MqttPacketWriter().u16(1).properties().packet(0x82), PROTOCOL_ERROR);
    }

    @Test
    void aMissingOptionsByteIsMalformed() {
        FrameStage.connected(V5).assertRejected(new MqttPacketWriter().u16(1).properties().string("a").packet(0x82),
                MALFORMED);
    }

    @Test
    void aSubscriptionIdentifierTwiceOrZeroIsAProtocolError() {
        FrameStage.connected(V5).assertRejected(MqttPackets.subscribe5(1, PropertyBytes.of(
                PropertyBytes.subscriptionIdentifier(1), PropertyBytes.subscriptionIdentifier(2)), "a", 0), PROTOCOL_ERROR);
        FrameStage.connected(V5).assertRejected(MqttPackets.subscribe5(1, PropertyBytes.subscriptionIdentifier(0), "a", 0),
                PROTOCOL_ERROR);
    }

    @Test
    @DisplayName("[MQTT-3.8.1-1] SUBSCRIBE with fixed header flags other than 0010 is malformed")
    void wrongFixedHeaderFlagsAreMalformed() {
        byte[] subscribe = MqttPackets.subscribe(V311, 1, 0, "a");
        subscribe[0] = (byte) 0x80;
        FrameStage.connected(V311).assertRejected(subscribe, MALFORMED);
    }
}
