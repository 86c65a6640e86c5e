package io.starlingmq.gateway.codec;

/**
 * Reads an MQTT 5 property section (its Variable Byte Integer length, then the properties) and checks it:
 * every property defined and allowed in the packet (else Malformed Packet, 5.0 §2.2.2.2), none but User
 * Property twice, values in their defined range, Authentication Data only with a method (those three:
 * Protocol Error).
 */
final class PropertySection {

    private PropertySection() {
    }

    /** Reads the section at the reader's position; returns the set of property ids seen, one bit each. */
    static long read(FrameReader reader, PropertyTable.Use use) {
        int length = reader.varInt(use.packet() + " property length");
        if (length > reader.remaining()) {
            throw FrameViolation.malformed(use.packet() + " properties run past the Remaining Length");
        }
        int endRemaining = reader.remaining() - length;
        long seen = 0;
        while (reader.remaining() > endRemaining) {
            int id = reader.varInt(use.packet() + " property identifier");
            PropertyKind kind = PropertyTable.kindOf(id);
            if (kind == null || !(use.allows(id) || use.isProtocolError(id))) {
                throw FrameViolation.malformed(use.packet() + " may not carry property 0x" + Integer.toHexString(id));
            }
            if (use.isProtocolError(id)) {
                throw FrameViolation.protocolError(use.packet() + " may not carry property 0x" + Integer.toHexString(id));
            }
            long bit = PropertyTable.bit(id);
            if ((seen & bit) != 0 && !PropertyTable.repeatable(id)) {
                throw FrameViolation.protocolError(use.packet() + " property 0x" + Integer.toHexString(id) + " twice");
            }
            seen |= bit;
            readValue(reader, id, kind, use.packet());
        }
        if (reader.remaining() != endRemaining) {
            throw FrameViolation.malformed(use.packet() + " property runs past the property length");
        }
        if ((seen & PropertyTable.bit(PropertyTable.AUTHENTICATION_DATA)) != 0
                && (seen & PropertyTable.bit(PropertyTable.AUTHENTICATION_METHOD)) == 0) {
            throw FrameViolation.protocolError(use.packet() + " has Authentication Data without a method");
        }
        return seen;
    }

    private static void readValue(FrameReader reader, int id, PropertyKind kind, String packet) {
        String what = packet + " property 0x" + Integer.toHexString(id);
        switch (kind) {
            case BYTE -> {
                int value = reader.u8(what);
                // Payload Format Indicator, Request Problem / Response Information: 0 or 1 only.
                if (value > 1) {
                    throw FrameViolation.protocolError(what + " must be 0 or 1");
                }
            }
            case TWO_BYTE_INTEGER -> {
                if (reader.u16(what) == 0 && id == PropertyTable.RECEIVE_MAXIMUM) {
                    throw FrameViolation.protocolError("Receive Maximum 0");
                }
            }
            case FOUR_BYTE_INTEGER -> {
                if (reader.u32(what) == 0 && id == PropertyTable.MAXIMUM_PACKET_SIZE) {
                    throw FrameViolation.protocolError("Maximum Packet Size 0");
                }
            }
            case VARIABLE_BYTE_INTEGER -> {
                if (reader.varInt(what) == 0) {
                    throw FrameViolation.protocolError("Subscription Identifier 0");
                }
            }
            case UTF8_STRING -> reader.utf8String(what);
            case BINARY_DATA -> reader.binary(what);
            case UTF8_STRING_PAIR -> {
                reader.utf8String(what + " name");
                reader.utf8String(what + " value");
            }
        }
    }
}
