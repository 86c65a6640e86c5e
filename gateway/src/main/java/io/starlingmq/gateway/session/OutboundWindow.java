package io.starlingmq.gateway.session;

import io.starlingmq.contract.link.v1.Deliver;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * QoS 1 deliveries to a clean session, whose packet ids the gateway assigns: up to capacity in flight
 * (min of the client's Receive Maximum and max-inflight), the rest queued up to a bound. Confined to
 * the channel's event loop.
 */
public final class OutboundWindow {

    private final int capacity;
    private final int maxQueued;
    private final Set<Integer> inflight = new HashSet<>();
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

    /** Frees the slot of an acknowledged id; false if the id was not one of ours. */
    public boolean release(int packetId) {
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
