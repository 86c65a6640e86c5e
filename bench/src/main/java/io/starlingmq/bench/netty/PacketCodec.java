package io.starlingmq.bench.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;

/**
 * The packets of the hot path, encoded by hand: PUBLISH and its replies. Netty's codec encodes them from
 * message objects with a property map each; these are a few bytes, written straight into one buffer on the
 * publisher's thread, and pass Netty's {@code MqttEncoder} untouched (it only encodes {@code MqttMessage}s).
 * Connect, subscribe, ping and disconnect, off the hot path, go through Netty's codec.
 */
final class PacketCodec {

    static final int PUBLISH = 0x30;
    static final int PUBACK = 0x40;
    static final int PUBREC = 0x50;
    /** PUBREL carries the reserved flags 0b0010 (MQTT 3.1.1 §3.6.1, 5.0 §3.6.1). */
    static final int PUBREL = 0x62;
    static final int PUBCOMP = 0x70;
    /** The largest Remaining Length MQTT can express (four bytes of variable byte integer). */
    static final int MAX_REMAINING_LENGTH = 268_435_455;

    private PacketCodec() {
    }

    /**
     * A PUBLISH without DUP and RETAIN. MQTT 5 adds an empty property section (one zero byte).
     *
     * @param packetId 1–65,535 for QoS 1/2; ignored at QoS 0, which has none
     */
    static ByteBuf publish(ByteBufAllocator alloc, boolean mqtt5, String topic, int qos, int packetId, byte[] payload) {
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("QoS " + qos);
        }
        if (qos > 0 && (packetId < 1 || packetId > 0xFFFF)) {
            throw new IllegalArgumentException("packet id " + packetId);
        }
        byte[] topicBytes = topic.getBytes(StandardCharsets.UTF_8);
        if (topicBytes.length > 0xFFFF) {
            throw new IllegalArgumentException("topic longer than 65,535 bytes");
        }
        long remaining = 2L + topicBytes.length + (qos > 0 ? 2 : 0) + (mqtt5 ? 1 : 0) + payload.length;
        if (remaining > MAX_REMAINING_LENGTH) {
            throw new IllegalArgumentException("PUBLISH of " + remaining + " bytes exceeds MQTT's limit");
        }
        ByteBuf buf = alloc.buffer(1 + varIntSize((int) remaining) + (int) remaining);
        buf.writeByte(PUBLISH | qos << 1);
        writeVarInt(buf, (int) remaining);
        buf.writeShort(topicBytes.length).writeBytes(topicBytes);
        if (qos > 0) {
            buf.writeShort(packetId);
        }
        if (mqtt5) {
            buf.writeByte(0);
        }
        return buf.writeBytes(payload);
    }

    /**
     * PUBACK, PUBREC, PUBREL or PUBCOMP with success: the same four bytes in 3.1.1 and 5.0, where a reason
     * code of 0x00 without properties may be left out (5.0 §3.4.2.1).
     */
    static ByteBuf reply(ByteBufAllocator alloc, int type, int packetId) {
        if (type != PUBACK && type != PUBREC && type != PUBREL && type != PUBCOMP) {
            throw new IllegalArgumentException("not a publish reply: " + type);
        }
        return alloc.buffer(4).writeByte(type).writeByte(2).writeShort(packetId);
    }

    /** MQTT's variable byte integer: seven bits a byte, least significant first, high bit = more follows. */
    static void writeVarInt(ByteBuf buf, int value) {
        if (value < 0 || value > MAX_REMAINING_LENGTH) {
            throw new IllegalArgumentException("variable byte integer out of range: " + value);
        }
        do {
            int digit = value & 0x7F;
            value >>>= 7;
            buf.writeByte(value > 0 ? digit | 0x80 : digit);
        } while (value > 0);
    }

    static int varIntSize(int value) {
        return value < 128 ? 1 : value < 16_384 ? 2 : value < 2_097_152 ? 3 : 4;
    }
}
