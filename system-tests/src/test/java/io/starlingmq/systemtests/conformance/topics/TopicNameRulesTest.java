package io.starlingmq.systemtests.conformance.topics;

import io.starlingmq.systemtests.conformance.ConformanceTest;
import io.starlingmq.testing.mqtt.MqttPacketWriter;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** 4.7.1 and 4.7.3 (MQTT 5.0): which topic filters the broker accepts. */
class TopicNameRulesTest extends ConformanceTest {

    @Test
    @DisplayName("[MQTT-4.7.1-1] [MQTT-4.7.1-2] wildcards alone in their level are accepted: '#', '+', '+/+', 'a/+/b/#', '/+'")
    void wellPlacedWildcardsAreAccepted() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("good"));
        client.send(new MqttPacketWriter().u16(1).varInt(0)
                .string("conformance/+/+").u8(0)
                .string("conformance/+/b/#").u8(0)
                .string("/+").u8(0)
                .string("+").u8(0)
                .packet(0x82));
        assertThat(client.readUntil(ReceivedPacket.SUBACK).filterReasonCodes()).containsExactly(0, 0, 0, 0);
    }

    @Test
    @DisplayName("[MQTT-4.7.1-1] '#' not alone or not last in its filter gets SUBACK 0x8F")
    void misplacedMultiLevelWildcardsAreRefused() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("hash"));
        client.send(new MqttPacketWriter().u16(1).varInt(0)
                .string("conformance/#/more").u8(0)
                .string("conformance/x#").u8(0)
                .string("##").u8(0)
                .packet(0x82));
        assertThat(client.readUntil(ReceivedPacket.SUBACK).filterReasonCodes()).containsExactly(0x8F, 0x8F, 0x8F);
    }

    @Test
    @DisplayName("[MQTT-4.7.1-2] '+' sharing its level gets SUBACK 0x8F")
    void misplacedSingleLevelWildcardsAreRefused() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("plus"));
        client.send(new MqttPacketWriter().u16(1).varInt(0)
                .string("conformance/a+").u8(0)
                .string("conformance/+b/c").u8(0)
                .string("++").u8(0)
                .packet(0x82));
        assertThat(client.readUntil(ReceivedPacket.SUBACK).filterReasonCodes()).containsExactly(0x8F, 0x8F, 0x8F);
    }
}
