package io.starlingmq.gateway.support;

/** One packet read from a raw socket: its first byte and its body. */
public record RawPacket(int firstByte, byte[] body) {

    public int type() {
        return firstByte >> 4;
    }

    public boolean dup() {
        return (firstByte & 0x08) != 0;
    }

    public int qos() {
        return (firstByte >> 1) & 0x03;
    }

    public boolean retain() {
        return (firstByte & 0x01) != 0;
    }

    public int u8(int index) {
        return body[index] & 0xFF;
    }

    public int u16(int index) {
        return (u8(index) << 8) | u8(index + 1);
    }

    /** Packet id of a QoS>0 PUBLISH. */
    public int publishPacketId() {
        return u16(2 + u16(0));
    }

    /** Reason code of an MQTT 5 PUBACK, PUBREC, PUBREL or PUBCOMP (0 when left out). */
    public int pubReplyReason() {
        return body.length > 2 ? u8(2) : 0;
    }

    /** Reason code of an MQTT 5 DISCONNECT (0 when the body is empty). */
    public int disconnectReason() {
        return body.length == 0 ? 0 : u8(0);
    }
}
