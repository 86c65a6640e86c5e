package io.starlingmq.gateway.session;

import java.util.HashSet;
import java.util.Set;

/**
 * Inbound QoS 2 packet ids of one connection between PUBREC and PUBCOMP: "received" ones await the
 * client's PUBREL (a PUBLISH resent with such an id is answered PUBREC and not forwarded); "releasing"
 * ones got PUBREL and await the router's ReleaseDone (persistent sessions, whose received set lives in
 * the session store). Both count against the Receive Maximum the gateway announces, which bounds them.
 * Confined to the channel's event loop.
 */
public final class InboundQos2 {

    private final int bound;
    // Made on first use and kept: most connections never publish at QoS 2.
    private Set<Integer> received;
    private Set<Integer> releasing;

    public InboundQos2(int bound) {
        this.bound = bound;
    }

    public boolean isReceived(int packetId) {
        return received != null && received.contains(packetId);
    }

    /** False when the bound is reached: the client ignored the Receive Maximum. */
    public boolean markReceived(int packetId) {
        if (isReceived(packetId)) {
            return true;
        }
        if (size() >= bound) {
            return false;
        }
        if (received == null) {
            received = new HashSet<>();
        }
        received.add(packetId);
        return true;
    }

    /** PUBREL: answers whether the id was received here. */
    public boolean forget(int packetId) {
        return received != null && received.remove(packetId);
    }

    /** A PUBREL forwarded to the router; false when one for this id is already on its way. */
    public boolean startRelease(int packetId) {
        if (releasing == null) {
            releasing = new HashSet<>();
        }
        return releasing.add(packetId);
    }

    /** The router's ReleaseDone; false when no release of this id was pending. */
    public boolean releaseDone(int packetId) {
        return releasing != null && releasing.remove(packetId);
    }

    public int size() {
        return (received == null ? 0 : received.size()) + (releasing == null ? 0 : releasing.size());
    }
}
