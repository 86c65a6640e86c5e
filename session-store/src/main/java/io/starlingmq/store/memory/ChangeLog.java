package io.starlingmq.store.memory;

import io.starlingmq.store.Change;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** The in-memory change feed: numbered entries, the oldest dropped past a capacity. */
final class ChangeLog {

    record Entry(long sequence, String origin, Change change) {
    }

    /** @param gap entries after the cursor were dropped before they could be read */
    record Batch(List<Entry> entries, boolean gap) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private final int capacity;
    private long lastSequence;

    ChangeLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("change log capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    void append(String origin, Change change) {
        lock.lock();
        try {
            entries.addLast(new Entry(++lastSequence, origin, change));
            if (entries.size() > capacity) {
                entries.removeFirst();
            }
            appended.signalAll();
        } finally {
            lock.unlock();
        }
    }

    long lastSequence() {
        lock.lock();
        try {
            return lastSequence;
        } finally {
            lock.unlock();
        }
    }

    /** Entries after {@code cursor}, waiting up to {@code maxWait} for one to arrive. */
    Batch after(long cursor, Duration maxWait) throws InterruptedException {
        lock.lock();
        try {
            long nanos = maxWait.toNanos();
            while (lastSequence <= cursor && nanos > 0) {
                nanos = appended.awaitNanos(nanos);
            }
            List<Entry> batch = new ArrayList<>();
            for (Entry entry : entries) {
                if (entry.sequence() > cursor) {
                    batch.add(entry);
                }
            }
            boolean gap = !batch.isEmpty() && batch.getFirst().sequence() > cursor + 1;
            return new Batch(batch, gap);
        } finally {
            lock.unlock();
        }
    }
}
