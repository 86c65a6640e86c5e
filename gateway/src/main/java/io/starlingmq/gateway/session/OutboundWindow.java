package io.starlingmq.gateway.session;

import io.starlingmq.contract.link.v1.Deliver;
import java.util.ArrayDeque;
import java.util.HashSet;
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
    private final Set<Integer> inflight = new HashSet<>();
    /** inflight QoS 2 ids whose PUBREC came: PUBREL sent, PUBCOMP awaited */
    private final Set<Integer> released = new HashSet<>();
    private final ArrayDeque<Deliver> queued = new ArrayDeque<>();
    private int lastId;

    public OutboundWindow(int capacity, int maxQueued) {
        this.capacity = capacity;
        this.maxQueued = maxQueued;
    }

    public boolean hasRoom() {
        return inflight.size() < capacity;
    }

    /** Takes a slot and returns the packet id for it; ids used elsewhere on the connection are skipped. */
    public int assign(IntPredicate usedElsewhere) {
        if (!hasRoom()) {
            throw new IllegalStateException("outbound window full");
        }
        int id = lastId;
        do {
            id = id % 0xFFFF + 1;
        } while (inflight.contains(id) || usedElsewhere.test(id));
        lastId = id;
        inflight.add(id);
        return id;
    }

    /** False when the queue is full: the delivery is dropped. */
    public boolean enqueue(Deliver deliver) {
        if (queued.size() >= maxQueued) {
            return false;
        }
        queued.add(deliver);
        return true;
    }

    /** PUBREC for one of our ids: it keeps its slot, PUBREL is due. False if the id was not ours. */
    public boolean received(int packetId) {
        if (!inflight.contains(packetId)) {
            return false;
        }
        released.add(packetId);
        return true;
    }

    /** PUBACK or PUBCOMP: frees the slot of an id; false if the id was not one of ours. */
    public boolean release(int packetId) {
        released.remove(packetId);
        return inflight.remove(packetId);
    }

    /** The next queued delivery, or null. */
    public Deliver pollQueued() {
        return queued.poll();
    }

    public int queuedCount() {
        return queued.size();
    }
}
