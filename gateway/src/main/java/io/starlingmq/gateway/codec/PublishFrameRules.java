package io.starlingmq.gateway.codec;

/**
 * The byte-level rules of a PUBLISH from a client (5.0 §3.3). This is the hot path: only the fixed-header
 * flags, the topic, the packet id and the property section are read; the payload is not touched here.
 */
final class PublishFrameRules {

    private PublishFrameRules() {
    }

    static void check(FrameReader reader, int flags, boolean mqtt5) {
        int qos = (flags >> 1) & 0x03;
        if (qos == 3) {
            throw FrameViolation.malformed("PUBLISH QoS 3"); // [MQTT-3.3.1-4]
        }
        if (qos == 0 && (flags & 0x08) != 0) {
            throw FrameViolation.malformed("PUBLISH QoS 0 with DUP"); // [MQTT-3.3.1-2]
        }
        reader.utf8String("topic name"); // [MQTT-3.3.2-1]
        if (qos > 0) {
            PacketIdentifiers.readNonZero(reader, "PUBLISH");
        }
        if (mqtt5) {
            PropertySection.read(reader, PropertyTable.PUBLISH);
        }
    }
}
