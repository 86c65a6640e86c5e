package io.starlingmq.gateway.session;

import io.starlingmq.contract.link.v1.Deliver;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * QoS 1 and 2 deliveries to a clean session, whose packet ids the gateway assigns: up to capacity in
 * flight (min of the client's Receive Maximum and max-inflight), the rest queued up to a bound. A QoS 2
 * delivery keeps its slot from PUBLISH through PUBREC and PUBREL until PUBCOMP. Confined to the
 * channel's event loop.
 */
public final class OutboundWindow {

    private final int capacity;
    private final int maxQueued;
    // Made on first use and kept: most connections never receive QoS 1 or 2, and the idle connection's
    // footprint is what bounds how many connections a gateway holds.
    /** inflight id -> its delivery, kept for a shared delivery not yet acknowledged (returned on close) */
    private Map<Integer, Deliver> inflight;
    /** inflight QoS 2 ids whose PUBREC came: PUBREL sent, PUBCOMP awaited */
    private Set<Integer> released;
    private ArrayDeque<Deliver> queued;
    private int lastId;

    public OutboundWindow(int capacity, int maxQueued) {
        this.capacity = capacity;
        this.maxQueued = maxQueued;
    }

    public boolean hasRoom() {
        return inflightCount() < capacity;
    }

    /** Takes a slot for a delivery and returns the packet id for it; ids used elsewhere on the connection are skipped. */
    public int assign(IntPredicate usedElsewhere, Deliver deliver) {
        if (!hasRoom()) {
            throw new IllegalStateException("outbound window full");
        }
        if (inflight == null) {
            inflight = new HashMap<>();
        }
        int id = lastId;
        do {
            id = id % 0xFFFF + 1;
        } while (inflight.containsKey(id) || usedElsewhere.test(id));
        lastId = id;
        inflight.put(id, deliver);
        return id;
    }

    /** False when the queue is full: the delivery is dropped. */
    public boolean enqueue(Deliver deliver) {
        if (queuedCount() >= maxQueued) {
            return false;
        }
        if (queued == null) {
            queued = new ArrayDeque<>();
        }
        queued.add(deliver);
        return true;
    }

    /** PUBREC for one of our ids: it keeps its slot, PUBREL is due. False if the id was not ours. */
    public boolean received(int packetId) {
        if (inflight == null || !inflight.containsKey(packetId)) {
            return false;
        }
        if (released == null) {
            released = new HashSet<>();
        }
        released.add(packetId);
        return true;
    }

    /** PUBACK or PUBCOMP: frees the slot of an id; false if the id was not one of ours. */
    public boolean release(int packetId) {
        if (released != null) {
            released.remove(packetId);
        }
        return inflight != null && inflight.remove(packetId) != null;
    }

    /** The next queued delivery, or null. */
    public Deliver pollQueued() {
        return queued == null ? null : queued.poll();
    }

    public int queuedCount() {
        return queued == null ? 0 : queued.size();
    }

    private int inflightCount() {
        return inflight == null ? 0 : inflight.size();
    }

    /**
     * Deliveries made through a shared subscription that the client has not acknowledged (QoS 1 without
     * PUBACK, QoS 2 without PUBREC) or that still wait in the queue: another member of the group may get them.
     */
    public List<Deliver> unacknowledgedShared() {
        List<Deliver> result = new ArrayList<>();
        if (inflight != null) {
            inflight.forEach((id, deliver) -> {
                if ((released == null || !released.contains(id)) && !deliver.getSharedSubscription().isEmpty()) {
                    result.add(deliver);
                }
            });
        }
        if (queued != null) {
            for (Deliver deliver : queued) {
                if (!deliver.getSharedSubscription().isEmpty()) {
                    result.add(deliver);
                }
            }
        }
        return result;
    }
}
