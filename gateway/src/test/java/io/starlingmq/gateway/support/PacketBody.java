package io.starlingmq.gateway.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds a packet field by field, including fields no client library would write: ill-formed UTF-8,
 * reserved bits, properties twice. {@link #packet(int)} puts the fixed header in front.
 */
public final class PacketBody {

    /** U+D800 encoded as if it were a character: ill-formed UTF-8 [MQTT-1.5.4-1]. */
    public static final byte[] ENCODED_SURROGATE = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
    /** A continuation byte with no lead byte. */
    public static final byte[] STRAY_CONTINUATION = {'a', (byte) 0x80, 'b'};

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public static PacketBody body() {
        return new PacketBody();
    }

    public PacketBody u8(int value) {
        out.write(value);
        return this;
    }

    public PacketBody u16(int value) {
        out.write(value >> 8);
        out.write(value & 0xFF);
        return this;
    }

    public PacketBody string(String value) {
        return rawString(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A string field whose content bytes are given as they are, well-formed or not. */
    public PacketBody rawString(byte[] content) {
        u16(content.length);
        out.writeBytes(content);
        return this;
    }

    public PacketBody varInt(int value) {
        MqttBytes.writeVarInt(out, value);
        return this;
    }

    /** A property section: its length, then the given property bytes. */
    public PacketBody properties(byte[]... properties) {
        byte[] all = MqttBytes.properties(properties);
        varInt(all.length);
        out.writeBytes(all);
        return this;
    }

    public PacketBody bytes(byte... bytes) {
        out.writeBytes(bytes);
        return this;
    }

    public byte[] toBytes() {
        return out.toByteArray();
    }

    public byte[] packet(int firstByte) {
        return MqttBytes.packet(firstByte, toBytes());
    }

    /** A property whose value is a UTF-8 string given as raw bytes (e.g. Content Type 0x03). */
    public static byte[] stringProperty(int id, byte[] content) {
        return body().u8(id).rawString(content).toBytes();
    }

    /** A User Property (0x26) with raw name and value bytes. */
    public static byte[] userProperty(byte[] name, byte[] value) {
        return body().u8(0x26).rawString(name).rawString(value).toBytes();
    }

    /**
     * The start of a CONNECT body up to the keep alive: protocol name and level for the version, the given
     * raw connect flags, keep alive 0.
     */
    public static PacketBody connectHeader(int version, int flags) {
        return body().string(version == 3 ? "MQIsdp" : "MQTT").u8(version).u8(flags).u16(0);
    }
}
