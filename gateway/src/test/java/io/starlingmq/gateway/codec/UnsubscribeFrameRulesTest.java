package io.starlingmq.gateway.codec;

import static io.starlingmq.testing.mqtt.MqttPackets.V311;
import static io.starlingmq.testing.mqtt.MqttPackets.V5;

import io.starlingmq.testing.mqtt.MqttPacketWriter;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.PropertyBytes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class UnsubscribeFrameRulesTest {

    private static final int MALFORMED = 0x81;
    private static final int PROTOCOL_ERROR = 0x82;

    @Test
    void unsubscribesPass() {
        FrameStage.connected(V5).assertPasses(MqttPackets.unsubscribe(V5, 3, "a/#", "b"));
        FrameStage.connected(V311).assertPasses(MqttPackets.unsubscribe(V311, 3, "a"));
    }

    @Test
    @DisplayName("[MQTT-1.5.4-1] a filter with ill-formed UTF-8 is malformed")
    void illFormedFilterIsMalformed() {
        FrameStage.connected(V5).assertRejected(new MqttPacketWriter().u16(1).properties()
                .binary(MqttPacketWriter.ENCODED_SURROGATE).packet(0xA2), MALFORMED);
    }

    @Test
    @DisplayName("[MQTT-3.10.3-2] an UNSUBSCRIBE without a filter is a Protocol Error")
    void noFilterIsAProtocolError() {
        FrameStage.connected(V5).assertRejected(new MqttPacketWriter().u16(1).properties().packet(0xA2), PROTOCOL_ERROR);
    }

    @Test
    void aSubscriptionIdentifierIsNotAllowed() {
        FrameStage.connected(V5).assertRejected(new MqttPacketWriter().u16(1)
                .properties(PropertyBytes.subscriptionIdentifier(1)).string("a").packet(0xA2), MALFORMED);
    }
}
