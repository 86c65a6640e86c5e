package io.starlingmq.gateway.session;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * QoS 1 and 2 publishes of one client sent to the router and not yet confirmed by PublishDone. A PUBACK
 * or PUBREC is released only when its PublishDone arrived, and they leave in the order the PUBLISHes came
 * (MQTT 4.6), so a later confirmation waits for earlier ones. Confined to the channel's event loop.
 */
public final class InboundPublishes {

    private static final int NOT_DONE = -1;

    private final int bound;
    /** In arrival order; made on the first QoS 1/2 PUBLISH and kept (an idle connection should cost little). */
    private Map<Integer, Pending> pendingByPacketId;

    public InboundPublishes(int bound) {
        this.bound = bound;
    }

    /** False when this packet id is already pending (a resend): it must not be forwarded again. */
    public boolean add(int packetId, int qos) {
        if (pendingByPacketId == null) {
            pendingByPacketId = new LinkedHashMap<>();
        }
        return pendingByPacketId.putIfAbsent(packetId, new Pending(qos, NOT_DONE)) == null;
    }

    /** Records a PublishDone and returns the acknowledgements now releasable, in order. */
    public List<Ack> done(int packetId, int reasonCode) {
        Pending pending = pendingByPacketId == null ? null : pendingByPacketId.get(packetId);
        if (pending == null) {
            return List.of();
        }
        pendingByPacketId.put(packetId, new Pending(pending.qos(), reasonCode));
        List<Ack> ready = new ArrayList<>();
        Iterator<Map.Entry<Integer, Pending>> it = pendingByPacketId.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Integer, Pending> head = it.next();
            if (head.getValue().reasonCode() == NOT_DONE) {
                break;
            }
            ready.add(new Ack(head.getKey(), head.getValue().qos(), head.getValue().reasonCode()));
            it.remove();
        }
        return ready;
    }

    public int size() {
        return pendingByPacketId == null ? 0 : pendingByPacketId.size();
    }

    /** At the bound the connection stops reading until confirmations arrive. */
    public boolean full() {
        return size() >= bound;
    }

    /** A PUBACK (QoS 1) or PUBREC (QoS 2) to send: packet id, QoS and MQTT 5 reason code. */
    public record Ack(int packetId, int qos, int reasonCode) {
    }

    private record Pending(int qos, int reasonCode) {
    }
}
