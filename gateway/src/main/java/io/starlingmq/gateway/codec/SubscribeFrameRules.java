package io.starlingmq.gateway.codec;

/** The byte-level rules of a SUBSCRIBE (5.0 §3.8, 3.1.1 §3.8): filters, options and their reserved bits. */
final class SubscribeFrameRules {

    private static final int V5_RESERVED_OPTIONS = 0xC0;
    private static final int V311_RESERVED_OPTIONS = 0xFC;

    private SubscribeFrameRules() {
    }

    static void check(FrameReader reader, boolean mqtt5) {
        PacketIdentifiers.readNonZero(reader, "SUBSCRIBE");
        if (mqtt5) {
            PropertySection.read(reader, PropertyTable.SUBSCRIBE);
        }
        if (!reader.hasMore()) {
            throw FrameViolation.protocolError("SUBSCRIBE without a filter"); // [MQTT-3.8.3-2]
        }
        while (reader.hasMore()) {
            reader.utf8String("topic filter"); // [MQTT-3.8.3-1]
            int options = reader.u8("subscription options");
            if ((options & (mqtt5 ? V5_RESERVED_OPTIONS : V311_RESERVED_OPTIONS)) != 0) {
                throw FrameViolation.malformed("reserved subscription option bits set"); // [MQTT-3.8.3-5]
            }
            if ((options & 0x03) == 3) {
                // 5.0 §3.8.3.1 names it a Protocol Error; 3.1.1 [MQTT-3-8.3-4] closes the connection either way.
                throw FrameViolation.protocolError("subscription QoS 3");
            }
            if (((options >> 4) & 0x03) == 3) {
                throw FrameViolation.protocolError("Retain Handling 3"); // 5.0 §3.8.3.1
            }
        }
    }
}
