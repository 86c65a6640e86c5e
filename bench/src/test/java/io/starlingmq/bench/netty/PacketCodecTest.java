package io.starlingmq.bench.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PacketCodecTest {

    private static final UnpooledByteBufAllocator ALLOC = UnpooledByteBufAllocator.DEFAULT;

    private static String hex(ByteBuf buf) {
        try {
            return ByteBufUtil.hexDump(buf);
        } finally {
            buf.release();
        }
    }

    @Test
    void qos1PublishOfMqtt5HasTopicPacketIdEmptyPropertiesAndPayload() {
        ByteBuf buf = PacketCodec.publish(ALLOC, true, "a/b", 1, 0x1234, new byte[] {9, 8});
        // 0x32 = PUBLISH, QoS 1; remaining 2+3 (topic) + 2 (id) + 1 (properties) + 2 (payload) = 10.
        assertThat(hex(buf)).isEqualTo("32" + "0a" + "0003" + "612f62" + "1234" + "00" + "0908");
    }

    @Test
    void qos0PublishOfMqtt311HasNoPacketIdNorProperties() {
        ByteBuf buf = PacketCodec.publish(ALLOC, false, "t", 0, 0, new byte[] {1});
        assertThat(hex(buf)).isEqualTo("30" + "04" + "0001" + "74" + "01");
    }

    @Test
    void qos2PublishSetsBothQosBits() {
        assertThat(hex(PacketCodec.publish(ALLOC, true, "t", 2, 1, new byte[0]))).startsWith("34");
    }

    @Test
    void remainingLengthAbove127TakesTwoBytesLeastSignificantFirst() {
        ByteBuf buf = PacketCodec.publish(ALLOC, false, "t", 0, 0, new byte[200]);
        // remaining = 2 + 1 + 200 = 203 = 0xCB -> 0xCB | 0x80 = 0xCB, then 203 >> 7 = 1.
        assertThat(hex(buf)).startsWith("30" + "cb01" + "0001" + "74");
    }

    @Test
    void variableByteIntegersAtEveryBoundary() {
        assertThat(varInt(0)).isEqualTo("00");
        assertThat(varInt(127)).isEqualTo("7f");
        assertThat(varInt(128)).isEqualTo("8001");
        assertThat(varInt(16_383)).isEqualTo("ff7f");
        assertThat(varInt(16_384)).isEqualTo("808001");
        assertThat(varInt(268_435_455)).isEqualTo("ffffff7f");
        assertThat(PacketCodec.varIntSize(127)).isEqualTo(1);
        assertThat(PacketCodec.varIntSize(128)).isEqualTo(2);
        assertThat(PacketCodec.varIntSize(2_097_152)).isEqualTo(4);
        assertThatThrownBy(() -> varInt(268_435_456)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String varInt(int value) {
        ByteBuf buf = Unpooled.buffer();
        PacketCodec.writeVarInt(buf, value);
        return hex(buf);
    }

    @Test
    void publishRepliesAreFourBytesWithTheirReservedFlags() {
        assertThat(hex(PacketCodec.reply(ALLOC, PacketCodec.PUBACK, 7))).isEqualTo("40020007");
        assertThat(hex(PacketCodec.reply(ALLOC, PacketCodec.PUBREC, 7))).isEqualTo("50020007");
        assertThat(hex(PacketCodec.reply(ALLOC, PacketCodec.PUBREL, 7))).isEqualTo("62020007");
        assertThat(hex(PacketCodec.reply(ALLOC, PacketCodec.PUBCOMP, 0xFFFF))).isEqualTo("7002ffff");
        assertThatThrownBy(() -> PacketCodec.reply(ALLOC, 0x30, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPacketIdOutOfRangeIsRefused() {
        assertThatThrownBy(() -> PacketCodec.publish(ALLOC, true, "t", 1, 0, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PacketCodec.publish(ALLOC, true, "t", 1, 65_536, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nettysDecoderReadsOurPublishAsWeMeantIt() {
        // 3.1.1 needs no version attribute on the channel: the decoder's default.
        EmbeddedChannel channel = new EmbeddedChannel(new MqttDecoder(1 << 20));
        channel.writeInbound(PacketCodec.publish(ALLOC, false, "bench/p3", 1, 42, "hello".getBytes(StandardCharsets.UTF_8)));
        MqttPublishMessage m = channel.readInbound();
        try {
            assertThat(m.decoderResult().isSuccess()).isTrue();
            assertThat(m.variableHeader().topicName()).isEqualTo("bench/p3");
            assertThat(m.variableHeader().packetId()).isEqualTo(42);
            assertThat(m.fixedHeader().qosLevel()).isEqualTo(MqttQoS.AT_LEAST_ONCE);
            assertThat(m.payload().toString(StandardCharsets.UTF_8)).isEqualTo("hello");
        } finally {
            m.release();
        }
    }

    @Test
    void nettysDecoderReadsOurPuback() {
        EmbeddedChannel channel = new EmbeddedChannel(new MqttDecoder());
        channel.writeInbound(PacketCodec.reply(ALLOC, PacketCodec.PUBACK, 513));
        MqttMessage m = channel.readInbound();
        assertThat(m.fixedHeader().messageType()).isEqualTo(MqttMessageType.PUBACK);
        assertThat(((io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader) m.variableHeader()).messageId()).isEqualTo(513);
        if (m.variableHeader() instanceof MqttPubReplyMessageVariableHeader reply) {
            assertThat(reply.reasonCode()).isZero();
        }
    }
}
