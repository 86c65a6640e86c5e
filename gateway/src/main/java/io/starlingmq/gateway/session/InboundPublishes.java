package io.starlingmq.gateway.session;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * QoS 1 publishes of one client sent to the router and not yet confirmed by PublishDone. A PUBACK is
 * released only when its PublishDone arrived, and PUBACKs leave in the order the PUBLISHes came
 * (MQTT 4.6), so a later confirmation waits for earlier ones. Confined to the channel's event loop.
 */
public final class InboundPublishes {

    private static final int NOT_DONE = -1;

    private final int bound;
    private final Map<Integer, Integer> reasonByPacketId = new LinkedHashMap<>();

    public InboundPublishes(int bound) {
        this.bound = bound;
    }

    /** False when this packet id is already pending (a resend): it must not be forwarded again. */
    public boolean add(int packetId) {
        return reasonByPacketId.putIfAbsent(packetId, NOT_DONE) == null;
    }

    /** Records a PublishDone and returns the PUBACKs now releasable, in order. */
    public List<Ack> done(int packetId, int reasonCode) {
        if (!reasonByPacketId.containsKey(packetId)) {
            return List.of();
        }
        reasonByPacketId.put(packetId, reasonCode);
        List<Ack> ready = new ArrayList<>();
        Iterator<Map.Entry<Integer, Integer>> it = reasonByPacketId.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Integer, Integer> head = it.next();
            if (head.getValue() == NOT_DONE) {
                break;
            }
            ready.add(new Ack(head.getKey(), head.getValue()));
            it.remove();
        }
        return ready;
    }

    public int size() {
        return reasonByPacketId.size();
    }

    /** At the bound the connection stops reading until confirmations arrive. */
    public boolean full() {
        return reasonByPacketId.size() >= bound;
    }

    /** A PUBACK to send: packet id and MQTT 5 reason code. */
    public record Ack(int packetId, int reasonCode) {
    }
}
