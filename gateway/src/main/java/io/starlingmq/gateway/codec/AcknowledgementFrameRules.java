package io.starlingmq.gateway.codec;

/**
 * The byte-level rules of PUBACK, PUBREC, PUBREL and PUBCOMP: a packet id, and for 5.0 an optional reason
 * code and property section (5.0 §3.4.2); 3.1.1 has nothing after the packet id.
 */
final class AcknowledgementFrameRules {

    private AcknowledgementFrameRules() {
    }

    static void check(FrameReader reader, boolean mqtt5, String packet) {
        PacketIdentifiers.readNonZero(reader, packet);
        if (mqtt5 && reader.hasMore()) {
            reader.u8(packet + " reason code");
            if (reader.hasMore()) {
                PropertySection.read(reader, PropertyTable.ACKNOWLEDGEMENT);
            }
        }
        reader.expectEnd(packet);
    }
}
