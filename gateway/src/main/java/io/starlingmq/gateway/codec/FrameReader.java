package io.starlingmq.gateway.codec;

import io.netty.buffer.ByteBuf;

/**
 * Reads the fields of one packet body without copying it, never past the end its Remaining Length sets:
 * a field that would run past it is a Malformed Packet, not a wait for the next packet's bytes.
 */
final class FrameReader {

    private final ByteBuf buf;
    private final Utf8Check utf8;
    private int position;
    private final int end;

    FrameReader(ByteBuf buf, int start, int length, Utf8Check utf8) {
        this.buf = buf;
        this.utf8 = utf8;
        this.position = start;
        this.end = start + length;
    }

    boolean hasMore() {
        return position < end;
    }

    int remaining() {
        return end - position;
    }

    int u8(String what) {
        need(1, what);
        return buf.getUnsignedByte(position++);
    }

    int u16(String what) {
        need(2, what);
        int value = buf.getUnsignedShort(position);
        position += 2;
        return value;
    }

    long u32(String what) {
        need(4, what);
        long value = buf.getUnsignedInt(position);
        position += 4;
        return value;
    }

    /** A Variable Byte Integer: at most four bytes, the last without its continuation bit (5.0 §1.5.5). */
    int varInt(String what) {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = u8(what);
            value |= (digit & 0x7F) << (7 * i);
            if ((digit & 0x80) == 0) {
                return value;
            }
        }
        throw FrameViolation.malformed(what + ": variable byte integer longer than four bytes");
    }

    /** A UTF-8 Encoded String: two length bytes, then checked UTF-8. */
    void utf8String(String what) {
        int length = u16(what);
        need(length, what);
        utf8.check(buf, position, length, what);
        position += length;
    }

    /** Binary Data: two length bytes, then any bytes. */
    void binary(String what) {
        int length = u16(what);
        skip(length, what);
    }

    void skip(int length, String what) {
        need(length, what);
        position += length;
    }

    /** The packet must end here: bytes left over mean its fields and its Remaining Length disagree. */
    void expectEnd(String packet) {
        if (position != end) {
            throw FrameViolation.malformed(packet + ": " + (end - position) + " bytes past its last field");
        }
    }

    private void need(int bytes, String what) {
        if (end - position < bytes) {
            throw FrameViolation.malformed(what + " runs past the Remaining Length");
        }
    }
}
