package io.starlingmq.gateway.session;

import java.util.HashSet;
import java.util.Set;

/**
 * Deliveries to a persistent session whose packet ids the session store assigned. The gateway only
 * remembers which ids are out so that the client's PUBACK can be reported as a DeliveryAck; the store
 * bounds how many there are (the client's Receive Maximum). Confined to the channel's event loop.
 */
public final class StoreAssignedDeliveries {

    /** Made on the first delivery and kept: most connections have no persistent session. */
    private Set<Integer> outstanding;

    public void sent(int packetId) {
        if (outstanding == null) {
            outstanding = new HashSet<>();
        }
        outstanding.add(packetId);
    }

    /** True when the id was a store-assigned delivery: the PUBACK goes to the router. */
    public boolean acknowledged(int packetId) {
        return outstanding != null && outstanding.remove(packetId);
    }

    public boolean inUse(int packetId) {
        return outstanding != null && outstanding.contains(packetId);
    }
}
