package io.starlingmq.gateway.codec;

/** The byte-level rules of an UNSUBSCRIBE (5.0 §3.10, 3.1.1 §3.10). */
final class UnsubscribeFrameRules {

    private UnsubscribeFrameRules() {
    }

    static void check(FrameReader reader, boolean mqtt5) {
        PacketIdentifiers.readNonZero(reader, "UNSUBSCRIBE");
        if (mqtt5) {
            PropertySection.read(reader, PropertyTable.UNSUBSCRIBE);
        }
        if (!reader.hasMore()) {
            throw FrameViolation.protocolError("UNSUBSCRIBE without a filter"); // [MQTT-3.10.3-2]
        }
        while (reader.hasMore()) {
            reader.utf8String("topic filter"); // [MQTT-3.10.3-1]
        }
    }
}
