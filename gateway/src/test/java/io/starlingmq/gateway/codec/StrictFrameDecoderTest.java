package io.starlingmq.gateway.codec;

import static io.starlingmq.testing.mqtt.MqttPackets.V311;
import static io.starlingmq.testing.mqtt.MqttPackets.V5;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.TooLongFrameException;
import io.starlingmq.testing.mqtt.MqttPacketWriter;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.PropertyBytes;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StrictFrameDecoderTest {

    private static final int MALFORMED = 0x81;
    private static final int PROTOCOL_ERROR = 0x82;

    @Test
    void twoPacketsInOneReadArePassedOnOneByOne() {
        FrameStage stage = FrameStage.connected(V5);
        byte[] first = MqttPackets.publish(V5, "a", 0, 0, new byte[] {1});
        byte[] second = MqttPackets.pingreq();
        byte[] both = concat(first, second);

        List<Object> outputs = stage.feed(both);

        assertThat(outputs).containsExactly(first, second);
    }

    @Test
    void aPacketArrivingInPiecesIsPassedOnOnceComplete() {
        FrameStage stage = FrameStage.connected(V5);
        byte[] publish = MqttPackets.publish(V5, "a/b", 1, 7, new byte[300]);

        assertThat(stage.feed(Arrays.copyOfRange(publish, 0, 1))).isEmpty();
        assertThat(stage.feed(Arrays.copyOfRange(publish, 1, 3))).isEmpty();
        assertThat(stage.feed(Arrays.copyOfRange(publish, 3, publish.length))).containsExactly(publish);
    }

    @Test
    void aRemainingLengthOverTheLimitFailsAsTooLongBeforeTheBodyArrives() {
        FrameStage stage = FrameStage.connected(V5);

        List<Object> outputs = stage.feed(MqttPackets.publishHeaderClaiming(FrameStage.MAX_PACKET_SIZE + 1, "t"));

        assertThat(outputs).hasSize(1);
        FrameStage.failureOf(outputs.get(0), TooLongFrameException.class);
    }

    @Test
    @DisplayName("a Remaining Length of five bytes is malformed (5.0 §1.5.5)")
    void aFiveByteRemainingLengthIsMalformed() {
        FrameStage stage = FrameStage.connected(V5);

        stage.assertRejected(new byte[] {0x30, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01}, MALFORMED);
    }

    @Test
    void aTopicLengthRunningPastTheRemainingLengthIsMalformedInsteadOfReadingTheNextPacket() {
        FrameStage stage = FrameStage.connected(V5);
        // The topic claims 10 bytes, the packet holds 3; a PINGREQ follows.
        byte[] shortPublish = new MqttPacketWriter().u16(10).bytes((byte) 'a', (byte) 'b', (byte) 'c').packet(0x30);

        List<Object> outputs = stage.feed(concat(shortPublish, MqttPackets.pingreq()));

        assertThat(outputs).hasSize(1);
        assertThat(FrameStage.failureOf(outputs.get(0), FrameRejectedException.class).reasonCode().code()).isEqualTo(MALFORMED);
    }

    @Test
    void nothingIsPassedOnAfterAFailure() {
        FrameStage stage = FrameStage.connected(V5);
        stage.assertRejected(new MqttPacketWriter().u16(10).packet(0x30), MALFORMED);

        assertThat(stage.feed(MqttPackets.pingreq())).isEmpty();
    }

    @Test
    @DisplayName("[MQTT-3.1.0-1] a packet before CONNECT is refused and is not a CONNECT refusal")
    void aPacketBeforeConnectIsRefused() {
        FrameRejectedException rejected = new FrameStage().assertRejected(MqttPackets.pingreq(), PROTOCOL_ERROR);

        assertThat(rejected.connect()).isFalse();
    }

    @Test
    @DisplayName("[MQTT-3.1.0-2] a second CONNECT is a Protocol Error")
    void aSecondConnectIsAProtocolError() {
        FrameStage stage = FrameStage.connected(V5);

        FrameRejectedException rejected = stage.assertRejected(MqttPackets.connect(V5, "c", 0, true), PROTOCOL_ERROR);

        assertThat(rejected.connect()).isFalse();
        assertThat(rejected.mqtt5()).isTrue();
    }

    @Test
    void aConnectOfAnUnknownProtocolLevelIsLeftToTheCodec() {
        byte[] connect = new MqttPacketWriter().string("MQTT").u8(6).u8(0x02).u16(0).string("c").packet(0x10);

        new FrameStage().assertPasses(connect);
    }

    @Test
    @DisplayName("[MQTT-2.2.2-2] reserved fixed header flags are malformed")
    void reservedFixedHeaderFlagsAreMalformed() {
        FrameStage.connected(V311).assertRejected(new byte[] {(byte) 0xC1, 0x00}, MALFORMED);
        FrameStage.connected(V311).assertRejected(new byte[] {0x61, 0x02, 0x00, 0x01}, MALFORMED);
    }

    @Test
    void serverPacketsFromAClientAreProtocolErrors() {
        FrameStage.connected(V5).assertRejected(new byte[] {0x20, 0x02, 0x00, 0x00}, PROTOCOL_ERROR);
        FrameStage.connected(V5).assertRejected(new byte[] {(byte) 0xD0, 0x00}, PROTOCOL_ERROR);
    }

    @Test
    @DisplayName("AUTH (5.0 §3.15) passes on for the re-authentication handler to judge; its properties are checked")
    void authFollowsItsLayout() {
        FrameStage.connected(V5).assertPasses(new byte[] {(byte) 0xF0, 0x00});
        FrameStage.connected(V5).assertPasses(new MqttPacketWriter().u8(0x19).properties(
                PropertyBytes.stringProperty(0x15, "JWT".getBytes()), PropertyBytes.stringProperty(0x16, "token".getBytes()))
                .packet(0xF0));
        FrameStage.connected(V5).assertRejected(new MqttPacketWriter().u8(0x19).properties(
                PropertyBytes.stringProperty(0x08, "a/b".getBytes())).packet(0xF0), MALFORMED);
        FrameStage.connected(V311).assertRejected(new byte[] {(byte) 0xF0, 0x00}, MALFORMED);
    }

    @Test
    void packetType0IsMalformed() {
        FrameStage.connected(V5).assertRejected(new byte[] {0x00, 0x00}, MALFORMED);
    }

    @Test
    void aPingreqWithABodyIsMalformed() {
        FrameStage.connected(V311).assertRejected(new byte[] {(byte) 0xC0, 0x01, 0x00}, MALFORMED);
    }

    @Test
    void acknowledgementsFollowTheirVersionsLayout() {
        FrameStage v311 = FrameStage.connected(V311);
        v311.assertPasses(MqttPackets.puback(1));
        v311.assertPasses(MqttPackets.pubrel(2));
        FrameStage.connected(V311).assertRejected(new byte[] {0x40, 0x03, 0x00, 0x01, 0x00}, MALFORMED);

        FrameStage v5 = FrameStage.connected(V5);
        v5.assertPasses(new byte[] {0x50, 0x03, 0x00, 0x01, 0x10});
        v5.assertPasses(new MqttPacketWriter().u16(1).u8(0x80).properties(
                PropertyBytes.stringProperty(0x1F, "why".getBytes())).packet(0x70));
        FrameStage.connected(V5).assertRejected(new MqttPacketWriter().u16(1).u8(0x80).properties(
                PropertyBytes.stringProperty(0x1F, MqttPacketWriter.ENCODED_SURROGATE)).packet(0x40), MALFORMED);
        FrameStage.connected(V5).assertRejected(new byte[] {0x40, 0x02, 0x00, 0x00}, MALFORMED);
    }

    @Test
    void disconnectFollowsItsVersionsLayout() {
        FrameStage.connected(V311).assertPasses(MqttPackets.disconnect());
        FrameStage.connected(V311).assertRejected(new byte[] {(byte) 0xE0, 0x01, 0x00}, MALFORMED);
        FrameStage.connected(V5).assertPasses(new byte[] {(byte) 0xE0, 0x01, 0x04});
        FrameStage.connected(V5).assertPasses(new MqttPacketWriter().u8(0x00).properties(PropertyBytes.sessionExpiry(5))
                .packet(0xE0));
        FrameStage.connected(V5).assertRejected(new MqttPacketWriter().u8(0x00)
                .properties(PropertyBytes.sessionExpiry(5), PropertyBytes.sessionExpiry(6)).packet(0xE0), PROTOCOL_ERROR);
        FrameStage.connected(V5).assertRejected(new MqttPacketWriter().u8(0x00)
                .properties(PropertyBytes.topicAlias(1)).packet(0xE0), MALFORMED);
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
