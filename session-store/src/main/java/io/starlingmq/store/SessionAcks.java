package io.starlingmq.store;

import java.util.List;

/**
 * The packet ids one connection of a session acknowledged (PUBACK or PUBCOMP), to free in one step.
 *
 * @param holder the connection that acknowledged; the store ignores the entry when it no longer holds the session
 */
public record SessionAcks(String clientId, Holder holder, List<Integer> packetIds) {

    public SessionAcks {
        packetIds = List.copyOf(packetIds);
    }
}
