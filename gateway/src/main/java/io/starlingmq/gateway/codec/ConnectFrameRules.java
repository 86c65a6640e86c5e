package io.starlingmq.gateway.codec;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * The byte-level rules of a CONNECT (5.0 §3.1, 3.1.1 §3.1) that the codec does not enforce: flag
 * combinations, every string well-formed UTF-8, the property sections, and nothing past the last field.
 */
final class ConnectFrameRules {

    /** Returned for a protocol name or level the gateway does not speak: the codec refuses those itself. */
    static final int UNKNOWN_PROTOCOL = 0;
    static final int MQTT_3_1 = 3;
    static final int MQTT_3_1_1 = 4;
    static final int MQTT_5 = 5;

    private static final byte[] MQTT = "MQTT".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MQISDP = "MQIsdp".getBytes(StandardCharsets.US_ASCII);

    private static final int RESERVED = 0x01;
    private static final int WILL_FLAG = 0x04;
    private static final int WILL_RETAIN = 0x20;
    private static final int PASSWORD_FLAG = 0x40;
    private static final int USER_NAME_FLAG = 0x80;

    private ConnectFrameRules() {
    }

    /**
     * The protocol level a CONNECT body announces, or {@link #UNKNOWN_PROTOCOL} when its name and level
     * are not a pair the gateway speaks (or are cut short).
     */
    static int protocolLevel(ByteBuf buf, int start, int length) {
        if (length < 2) {
            return UNKNOWN_PROTOCOL;
        }
        int nameLength = buf.getUnsignedShort(start);
        if (length < 2 + nameLength + 1) {
            return UNKNOWN_PROTOCOL;
        }
        int level = buf.getUnsignedByte(start + 2 + nameLength);
        if (level == MQTT_3_1_1 || level == MQTT_5) {
            return nameIs(buf, start + 2, nameLength, MQTT) ? level : UNKNOWN_PROTOCOL;
        }
        return level == MQTT_3_1 && nameIs(buf, start + 2, nameLength, MQISDP) ? level : UNKNOWN_PROTOCOL;
    }

    /** Checks a CONNECT whose {@link #protocolLevel} is known. */
    static void check(FrameReader reader, int level) {
        boolean mqtt5 = level == MQTT_5;
        reader.utf8String("protocol name");
        reader.u8("protocol level");
        int flags = reader.u8("connect flags");
        if ((flags & RESERVED) != 0) {
            throw FrameViolation.malformed("CONNECT reserved flag set"); // [MQTT-3.1.2-3]
        }
        boolean will = (flags & WILL_FLAG) != 0;
        int willQos = (flags >> 3) & 0x03;
        if (willQos == 3) {
            throw FrameViolation.malformed("Will QoS 3"); // [MQTT-3.1.2-12]
        }
        if (!will && willQos != 0) {
            throw FrameViolation.malformed("Will QoS without a will"); // [MQTT-3.1.2-11]
        }
        if (!will && (flags & WILL_RETAIN) != 0) {
            throw FrameViolation.malformed("Will Retain without a will"); // [MQTT-3.1.2-13]
        }
        boolean userName = (flags & USER_NAME_FLAG) != 0;
        boolean password = (flags & PASSWORD_FLAG) != 0;
        if (!mqtt5 && password && !userName) {
            throw FrameViolation.malformed("password without a user name"); // 3.1.1 [MQTT-3.1.2-22]
        }
        reader.u16("keep alive");
        if (mqtt5) {
            PropertySection.read(reader, PropertyTable.CONNECT);
        }
        reader.utf8String("client identifier"); // [MQTT-3.1.3-4]
        if (will) {
            if (mqtt5) {
                PropertySection.read(reader, PropertyTable.WILL);
            }
            reader.utf8String("will topic");
            reader.binary("will payload");
        }
        if (userName) {
            reader.utf8String("user name");
        }
        if (password) {
            reader.binary("password");
        }
        reader.expectEnd("CONNECT");
    }

    private static boolean nameIs(ByteBuf buf, int index, int length, byte[] expected) {
        if (length != expected.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (buf.getByte(index + i) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
