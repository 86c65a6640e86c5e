package io.starlingmq.testing.mqtt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds the bytes of one MQTT packet field by field, including what a client library would refuse to
 * send (wrong flags, bad UTF-8, reserved bits, missing fields). Nothing here checks anything.
 */
public final class MqttPacketWriter {

    /** U+D800 encoded as if it were a character: ill-formed UTF-8 [MQTT-1.5.4-1]. */
    public static final byte[] ENCODED_SURROGATE = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
    /** A continuation byte with no lead byte: ill-formed UTF-8. */
    public static final byte[] STRAY_CONTINUATION = {'a', (byte) 0x80, 'b'};

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    public MqttPacketWriter u8(int value) {
        body.write(value & 0xFF);
        return this;
    }

    public MqttPacketWriter u16(int value) {
        body.write((value >>> 8) & 0xFF);
        body.write(value & 0xFF);
        return this;
    }

    public MqttPacketWriter u32(long value) {
        return u16((int) (value >>> 16)).u16((int) value);
    }

    /** A UTF-8 encoded string: two length bytes, then the bytes. */
    public MqttPacketWriter string(String value) {
        return binary(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Two length bytes, then the bytes as given (also for strings that must not be valid UTF-8). */
    public MqttPacketWriter binary(byte[] value) {
        u16(value.length);
        body.writeBytes(value);
        return this;
    }

    public MqttPacketWriter bytes(byte... value) {
        body.writeBytes(value);
        return this;
    }

    public MqttPacketWriter varInt(int value) {
        writeVarInt(body, value);
        return this;
    }

    /** An MQTT 5 property block: its length, then the property bytes as given, one after the other. */
    public MqttPacketWriter properties(byte[]... properties) {
        byte[] all = PropertyBytes.of(properties);
        return varInt(all.length).bytes(all);
    }

    /** The bytes written so far, without any header. */
    public byte[] toBytes() {
        return body.toByteArray();
    }

    /** The whole packet: the first byte, the remaining length, then the body. */
    public byte[] packet(int firstByte) {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(firstByte);
        writeVarInt(packet, body.size());
        packet.writeBytes(body.toByteArray());
        return packet.toByteArray();
    }

    static void writeVarInt(ByteArrayOutputStream target, int value) {
        do {
            int digit = value % 128;
            value /= 128;
            target.write(value > 0 ? digit | 0x80 : digit);
        } while (value > 0);
    }
}
