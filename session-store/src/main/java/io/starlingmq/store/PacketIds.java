package io.starlingmq.store;

/** MQTT packet identifiers: 1..65535, wrapping. */
public final class PacketIds {

    static final int MAX = 65535;

    private PacketIds() {
    }

    public static int next(int packetId) {
        return packetId % MAX + 1;
    }
}
