package io.starlingmq.testing.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * One packet read from the broker: its first byte and the bytes after the remaining length, with
 * readers for the fields conformance tests look at. The protocol version is needed wherever 3.1.1 and
 * 5.0 differ in layout.
 */
public record ReceivedPacket(int firstByte, byte[] body, int version) {

    public static final int CONNACK = 2;
    public static final int PUBLISH = 3;
    public static final int PUBACK = 4;
    public static final int PUBREC = 5;
    public static final int PUBREL = 6;
    public static final int PUBCOMP = 7;
    public static final int SUBACK = 9;
    public static final int UNSUBACK = 11;
    public static final int PINGRESP = 13;
    public static final int DISCONNECT = 14;

    public int type() {
        return firstByte >>> 4;
    }

    public int flags() {
        return firstByte & 0x0F;
    }

    public int u8(int index) {
        return body[index] & 0xFF;
    }

    public int u16(int index) {
        return (u8(index) << 8) | u8(index + 1);
    }

    // ---- CONNACK

    public boolean sessionPresent() {
        return (u8(0) & 0x01) != 0;
    }

    /** CONNACK reason code (5.0) or return code (3.1.1). */
    public int connackCode() {
        return u8(1);
    }

    /** The CONNACK's 5.0 properties by identifier; repeated ones keep the last value. */
    public Map<Integer, Object> connackProperties() {
        return body.length <= 2 ? Map.of() : properties(2);
    }

    // ---- PUBLISH

    public int qos() {
        return (firstByte >>> 1) & 0x03;
    }

    public boolean retain() {
        return (firstByte & 0x01) != 0;
    }

    public boolean dup() {
        return (firstByte & 0x08) != 0;
    }

    public String topic() {
        return new String(body, 2, u16(0), StandardCharsets.UTF_8);
    }

    public int publishPacketId() {
        return qos() == 0 ? 0 : u16(2 + u16(0));
    }

    /** The 5.0 PUBLISH's properties by identifier; a repeated one keeps the last value. */
    public Map<Integer, Object> publishProperties() {
        return properties(publishPropertiesOffset());
    }

    /** Every Subscription Identifier of a 5.0 PUBLISH, in the order sent (the property may repeat). */
    public List<Long> subscriptionIdentifiers() {
        List<Long> identifiers = new ArrayList<>();
        forEachProperty(publishPropertiesOffset(), (id, value) -> {
            if (id == 0x0B) {
                identifiers.add((Long) value);
            }
        });
        return identifiers;
    }

    private int publishPropertiesOffset() {
        return 2 + u16(0) + (qos() == 0 ? 0 : 2);
    }

    public byte[] payload() {
        int offset = publishPropertiesOffset();
        if (version == MqttPackets.V5) {
            int[] length = varInt(offset);
            offset += length[1] + length[0];
        }
        byte[] payload = new byte[body.length - offset];
        System.arraycopy(body, offset, payload, 0, payload.length);
        return payload;
    }

    public String payloadText() {
        return new String(payload(), StandardCharsets.UTF_8);
    }

    // ---- acknowledgements

    /** Packet id of PUBACK, PUBREC, PUBREL, PUBCOMP, SUBACK, UNSUBACK. */
    public int packetId() {
        return u16(0);
    }

    /** Reason code of a 5.0 PUBACK/PUBREC/PUBREL/PUBCOMP; 0x00 when the packet leaves it out. */
    public int ackReasonCode() {
        return body.length > 2 ? u8(2) : 0;
    }

    /** The properties of a 5.0 PUBACK/PUBREC/PUBREL/PUBCOMP (empty when it has none). */
    public Map<Integer, Object> ackProperties() {
        return body.length <= 3 ? Map.of() : properties(3);
    }

    /** The properties of a 5.0 SUBACK or UNSUBACK. */
    public Map<Integer, Object> subackProperties() {
        return properties(2);
    }

    /** The per-filter codes of a SUBACK or UNSUBACK (3.1.1 UNSUBACK has none). */
    public List<Integer> filterReasonCodes() {
        int offset = 2;
        if (version == MqttPackets.V5) {
            int[] length = varInt(offset);
            offset += length[1] + length[0];
        }
        List<Integer> codes = new ArrayList<>();
        for (int i = offset; i < body.length; i++) {
            codes.add(u8(i));
        }
        return codes;
    }

    // ---- DISCONNECT

    /** Reason code of a 5.0 DISCONNECT; 0x00 when the body is empty. */
    public int disconnectReasonCode() {
        return body.length == 0 ? 0 : u8(0);
    }

    /** The DISCONNECT's properties by identifier. */
    public Map<Integer, Object> disconnectProperties() {
        return body.length <= 1 ? Map.of() : properties(1);
    }

    /** Decodes a property block at {@code offset}: integers as Long, strings as String, binary as byte[]. */
    private Map<Integer, Object> properties(int offset) {
        Map<Integer, Object> properties = new HashMap<>();
        forEachProperty(offset, properties::put);
        return properties;
    }

    /** Walks a property block at {@code offset}, in order, repeated properties included (User Properties skipped). */
    private void forEachProperty(int offset, BiConsumer<Integer, Object> visitor) {
        int[] length = varInt(offset);
        int position = offset + length[1];
        int end = position + length[0];
        while (position < end) {
            int id = u8(position++);
            switch (id) {
                case 0x01, 0x17, 0x19, 0x24, 0x25, 0x28, 0x29, 0x2A -> visitor.accept(id, (long) u8(position++));
                case 0x13, 0x21, 0x22, 0x23 -> {
                    visitor.accept(id, (long) u16(position));
                    position += 2;
                }
                case 0x02, 0x11, 0x18, 0x27 -> {
                    visitor.accept(id, ((long) u16(position) << 16) | u16(position + 2));
                    position += 4;
                }
                case 0x0B -> {
                    int[] value = varInt(position);
                    visitor.accept(id, (long) value[0]);
                    position += value[1];
                }
                case 0x03, 0x08, 0x12, 0x15, 0x1A, 0x1C, 0x1F -> {
                    int size = u16(position);
                    visitor.accept(id, new String(body, position + 2, size, StandardCharsets.UTF_8));
                    position += 2 + size;
                }
                case 0x09, 0x16 -> {
                    int size = u16(position);
                    byte[] value = new byte[size];
                    System.arraycopy(body, position + 2, value, 0, size);
                    visitor.accept(id, value);
                    position += 2 + size;
                }
                case 0x26 -> {
                    int keySize = u16(position);
                    int valueSize = u16(position + 2 + keySize);
                    position += 4 + keySize + valueSize;
                }
                default -> throw new IllegalStateException("unknown property 0x" + Integer.toHexString(id));
            }
        }
    }

    /** A variable byte integer at {@code offset}: {value, bytes it took}. */
    private int[] varInt(int offset) {
        int value = 0;
        int index = 0;
        int next;
        do {
            next = u8(offset + index);
            value |= (next & 0x7F) << (7 * index);
            index++;
        } while ((next & 0x80) != 0);
        return new int[] {value, index};
    }

    @Override
    public String toString() {
        return "packet type " + type() + " flags " + flags() + " body " + java.util.HexFormat.of().formatHex(body);
    }
}
