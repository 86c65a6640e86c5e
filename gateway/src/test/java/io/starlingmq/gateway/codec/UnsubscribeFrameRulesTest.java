package io.starlingmq.gateway.codec;

import static io.starlingmq.gateway.support.MqttBytes.V311;
import static io.starlingmq.gateway.support.MqttBytes.V5;

import io.starlingmq.gateway.support.MqttBytes;
import io.starlingmq.gateway.support.PacketBody;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class UnsubscribeFrameRulesTest {

    private static final int MALFORMED = 0x81;
    private static final int PROTOCOL_ERROR = 0x82;

    @Test
    void unsubscribesPass() {
        FrameStage.connected(V5).assertPasses(MqttBytes.unsubscribe(V5, 3, "a/#", "b"));
        FrameStage.connected(V311).assertPasses(MqttBytes.unsubscribe(V311, 3, "a"));
    }

    @Test
    @DisplayName("[MQTT-1.5.4-1] a filter with ill-formed UTF-8 is malformed")
    void illFormedFilterIsMalformed() {
        FrameStage.connected(V5).assertRejected(PacketBody.body().u16(1).properties()
                .rawString(PacketBody.ENCODED_SURROGATE).packet(0xA2), MALFORMED);
    }

    @Test
    @DisplayName("[MQTT-3.10.3-2] an UNSUBSCRIBE without a filter is a Protocol Error")
    void noFilterIsAProtocolError() {
        FrameStage.connected(V5).assertRejected(PacketBody.body().u16(1).properties().packet(0xA2), PROTOCOL_ERROR);
    }

    @Test
    void aSubscriptionIdentifierIsNotAllowed() {
        FrameStage.connected(V5).assertRejected(PacketBody.body().u16(1)
                .properties(MqttBytes.subscriptionIdentifier(1)).string("a").packet(0xA2), MALFORMED);
    }
}
