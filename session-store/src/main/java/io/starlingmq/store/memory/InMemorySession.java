package io.starlingmq.store.memory;

import io.starlingmq.store.ClientInfo;
import io.starlingmq.store.Holder;
import io.starlingmq.store.PacketIds;
import io.starlingmq.store.QueuedDelivery;
import io.starlingmq.store.SessionRules;
import io.starlingmq.store.StoredMessage;
import io.starlingmq.store.Subscription;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One session's state in the {@link InMemoryBackend}; every access holds the backend's lock. */
final class InMemorySession {

    final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final ArrayDeque<StoredMessage> queue = new ArrayDeque<>();
    /** packet id -> message, in the order the ids were assigned */
    private final LinkedHashMap<Integer, StoredMessage> inflight = new LinkedHashMap<>();
    /** inflight QoS 2 packet ids whose PUBREC was recorded ("PUBREL sent") */
    private final Set<Integer> released = new HashSet<>();
    /** inbound QoS 2 packet ids routed and awaiting PUBREL, oldest first */
    private final LinkedHashSet<Integer> received = new LinkedHashSet<>();
    private int nextPacketId = 1;
    Holder holder;
    boolean persistent;
    /** what listings show; its disconnectedAt is set when the connection ends */
    ClientInfo info = ClientInfo.UNKNOWN;
    int window;
    /** epoch millis while offline, {@link SessionRules#NO_EXPIRY} for never; meaningless while online */
    long expiresAt = SessionRules.NO_EXPIRY;

    boolean heldBy(Holder candidate) {
        return holder != null && holder.equals(candidate);
    }

    boolean expiredAt(long nowMillis) {
        return holder == null && expiresAt != SessionRules.NO_EXPIRY && expiresAt <= nowMillis;
    }

    List<StoredMessage> queuedPage(long offset, int limit) {
        return queue.stream().skip(offset).limit(limit).toList();
    }

    List<QueuedDelivery> inflightPage(long offset, int limit) {
        return inflight.entrySet().stream().skip(offset).limit(limit)
                .map(e -> new QueuedDelivery(e.getKey(), e.getValue(), false, released.contains(e.getKey()))).toList();
    }

    List<QueuedDelivery> inflightForResend() {
        List<QueuedDelivery> resend = new ArrayList<>(inflight.size());
        inflight.forEach((packetId, message) ->
                resend.add(new QueuedDelivery(packetId, message, true, released.contains(packetId))));
        return resend;
    }

    /** Inflight then queued messages that came through a shared subscription. */
    List<StoredMessage> sharedEntries() {
        List<StoredMessage> shared = new ArrayList<>();
        inflight.values().stream().filter(m -> m.sharedSubscription() != null).forEach(shared::add);
        queue.stream().filter(m -> m.sharedSubscription() != null).forEach(shared::add);
        return shared;
    }

    /** Appends within {@code maxTotal} (queue + inflight); answers how many were dropped. */
    int enqueue(List<StoredMessage> messages, int maxTotal) {
        int dropped = 0;
        for (StoredMessage message : messages) {
            if (queue.size() + inflight.size() < maxTotal) {
                queue.addLast(message);
            } else {
                dropped++;
            }
        }
        return dropped;
    }

    void acknowledge(Collection<Integer> packetIds) {
        packetIds.forEach(inflight::remove);
        released.removeAll(packetIds);
    }

    /** Answers the ids, among {@code packetIds}, that are inflight and now marked released. */
    List<Integer> markReleased(Collection<Integer> packetIds) {
        List<Integer> marked = new ArrayList<>();
        for (Integer packetId : packetIds) {
            if (inflight.containsKey(packetId)) {
                released.add(packetId);
                marked.add(packetId);
            }
        }
        return marked;
    }

    boolean received(int packetId) {
        return received.contains(packetId);
    }

    /** Records an inbound QoS 2 packet id, forgetting the oldest past {@code bound}. */
    void markReceived(int packetId, int bound) {
        received.remove(packetId);
        received.add(packetId);
        while (received.size() > bound) {
            received.removeFirst();
        }
    }

    boolean forgetReceived(int packetId) {
        return received.remove(packetId);
    }

    /** What {@link #release} moved into the window, and how many expired messages it dropped on the way. */
    record Released(List<QueuedDelivery> deliveries, int expired) {
        static final Released NONE = new Released(List.of(), 0);
    }

    /**
     * Moves queued messages into the free part of the window, giving each a packet id not in use; messages
     * whose expiry passed by {@code nowMillis} are dropped instead.
     */
    Released release(long nowMillis) {
        List<QueuedDelivery> released = new ArrayList<>();
        int expired = 0;
        while (inflight.size() < window && !queue.isEmpty()) {
            if (queue.peekFirst().expiredAt(nowMillis)) {
                queue.removeFirst();
                expired++;
                continue;
            }
            while (inflight.containsKey(nextPacketId)) {
                nextPacketId = PacketIds.next(nextPacketId);
            }
            int packetId = nextPacketId;
            nextPacketId = PacketIds.next(nextPacketId);
            StoredMessage message = queue.removeFirst();
            inflight.put(packetId, message);
            released.add(new QueuedDelivery(packetId, message, false));
        }
        return new Released(released, expired);
    }
}
