package io.starlingmq.gateway.codec;

/** Packet identifiers are never 0 [MQTT-2.2.1-3]. */
final class PacketIdentifiers {

    private PacketIdentifiers() {
    }

    static int readNonZero(FrameReader reader, String packet) {
        int id = reader.u16(packet + " packet identifier");
        if (id == 0) {
            throw FrameViolation.malformed(packet + " packet identifier 0");
        }
        return id;
    }
}
