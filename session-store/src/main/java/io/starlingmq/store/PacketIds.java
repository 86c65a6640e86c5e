package io.starlingmq.store;

/** MQTT packet identifiers: 1..65535, wrapping. */
final class PacketIds {

    static final int MAX = 65535;

    private PacketIds() {
    }

    static int next(int packetId) {
        return packetId % MAX + 1;
    }
}
