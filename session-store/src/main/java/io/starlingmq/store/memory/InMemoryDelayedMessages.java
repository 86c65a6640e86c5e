package io.starlingmq.store.memory;

import io.smallrye.mutiny.Uni;
import io.starlingmq.store.DelayedClaim;
import io.starlingmq.store.DelayedLimits;
import io.starlingmq.store.DelayedMessage;
import io.starlingmq.store.DelayedMessages;
import io.starlingmq.store.ScheduledMessage;
import io.starlingmq.store.StoredMessage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The embedded {@link DelayedMessages}: nothing survives a restart. Several routers sharing one instance
 * behave like several routers sharing one Redis.
 */
public final class InMemoryDelayedMessages implements DelayedMessages {

    /** Where a message sits in the schedule: by due time, then by scheduling order. */
    private record Slot(long dueAtMillis, long sequence) implements Comparable<Slot> {

        @Override
        public int compareTo(Slot other) {
            int byDue = Long.compare(dueAtMillis, other.dueAtMillis);
            return byDue != 0 ? byDue : Long.compare(sequence, other.sequence);
        }
    }

    private final DelayedLimits limits;
    private final ReentrantLock lock = new ReentrantLock();
    private final TreeMap<Slot, StoredMessage> schedule = new TreeMap<>();
    private final Map<Long, Slot> slotsBySequence = new HashMap<>();
    private long lastSequence;

    public InMemoryDelayedMessages(DelayedLimits limits) {
        this.limits = limits;
    }

    @Override
    public Uni<List<Boolean>> schedule(List<DelayedMessage> messages) {
        return Uni.createFrom().item(() -> locked(() -> {
            List<Boolean> kept = new ArrayList<>(messages.size());
            for (DelayedMessage delayed : messages) {
                boolean room = schedule.size() < limits.maxPending();
                if (room) {
                    Slot slot = new Slot(delayed.dueAtMillis(), ++lastSequence);
                    schedule.put(slot, delayed.message());
                    slotsBySequence.put(slot.sequence(), slot);
                }
                kept.add(room);
            }
            return kept;
        }));
    }

    @Override
    public Uni<List<DelayedClaim>> claimDue(long nowMillis, int limit) {
        return Uni.createFrom().item(() -> locked(() -> {
            List<Map.Entry<Slot, StoredMessage>> due = new ArrayList<>();
            Iterator<Map.Entry<Slot, StoredMessage>> entries =
                    schedule.headMap(new Slot(nowMillis, Long.MAX_VALUE), true).entrySet().iterator();
            while (entries.hasNext() && due.size() < limit) {
                Map.Entry<Slot, StoredMessage> entry = entries.next();
                due.add(Map.entry(entry.getKey(), entry.getValue()));
            }
            return claim(due, nowMillis + limits.claim().toMillis());
        }));
    }

    @Override
    public Uni<Void> remove(List<String> ids) {
        return Uni.createFrom().item(() -> locked(() -> {
            for (String id : ids) {
                Slot slot = slotsBySequence.remove(parse(id));
                if (slot != null) {
                    schedule.remove(slot);
                }
            }
            return null;
        })).replaceWithVoid();
    }

    @Override
    public Uni<Long> pendingCount() {
        return Uni.createFrom().item(() -> locked(() -> (long) schedule.size()));
    }

    @Override
    public Uni<List<ScheduledMessage>> page(long offset, int limit) {
        return Uni.createFrom().item(() -> locked(() -> schedule.entrySet().stream().skip(offset).limit(Math.max(0, limit))
                .map(e -> new ScheduledMessage(Long.toString(e.getKey().sequence()), e.getKey().dueAtMillis(), e.getValue()))
                .toList()));
    }

    @Override
    public Uni<Optional<ScheduledMessage>> get(String id) {
        return Uni.createFrom().item(() -> locked(() -> {
            Slot slot = slotsBySequence.get(parse(id));
            return slot == null ? Optional.<ScheduledMessage>empty()
                    : Optional.of(new ScheduledMessage(id, slot.dueAtMillis(), schedule.get(slot)));
        }));
    }

    /** Moves each due entry to its claim's end, so it is due again only if its claimer never removes it. */
    private List<DelayedClaim> claim(List<Map.Entry<Slot, StoredMessage>> due, long claimEndsAtMillis) {
        List<DelayedClaim> claims = new ArrayList<>(due.size());
        for (Map.Entry<Slot, StoredMessage> entry : due) {
            Slot claimed = new Slot(claimEndsAtMillis, entry.getKey().sequence());
            schedule.remove(entry.getKey());
            schedule.put(claimed, entry.getValue());
            slotsBySequence.put(claimed.sequence(), claimed);
            claims.add(new DelayedClaim(Long.toString(claimed.sequence()), entry.getValue()));
        }
        return claims;
    }

    private static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private <T> T locked(Supplier<T> step) {
        lock.lock();
        try {
            return step.get();
        } finally {
            lock.unlock();
        }
    }
}
