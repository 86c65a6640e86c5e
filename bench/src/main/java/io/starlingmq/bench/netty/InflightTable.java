package io.starlingmq.bench.netty;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Packet identifiers in use and what waits on each: at most {@code limit} at once (the broker's Receive
 * Maximum), identifiers 1..limit. A publisher may call {@link #acquire} from any thread; the replies
 * release on the event loop. The table is allocated on first use, so idle connections cost nothing.
 */
final class InflightTable {

    private final int limit;
    private final AtomicInteger inUse = new AtomicInteger();
    private final AtomicInteger cursor = new AtomicInteger();
    private volatile AtomicReferenceArray<CompletableFuture<Void>> slots;

    /** @param limit 1..65,535 */
    InflightTable(int limit) {
        if (limit < 1 || limit > 0xFFFF) {
            throw new IllegalArgumentException("in-flight limit " + limit);
        }
        this.limit = limit;
    }

    int limit() {
        return limit;
    }

    int inUse() {
        return inUse.get();
    }

    /** @return a free packet id now bound to {@code waiter}, or 0 when {@code limit} are in use already */
    int acquire(CompletableFuture<Void> waiter) {
        if (inUse.incrementAndGet() > limit) {
            inUse.decrementAndGet();
            return 0;
        }
        AtomicReferenceArray<CompletableFuture<Void>> table = table();
        // Fewer than limit ids are taken, so a free one is found within limit steps.
        while (true) {
            int id = 1 + Math.floorMod(cursor.getAndIncrement(), limit);
            if (table.compareAndSet(id, null, waiter)) {
                return id;
            }
        }
    }

    /** Frees an id; returns what waited on it, null when it was not in use (a reply the bench did not ask for). */
    CompletableFuture<Void> release(int id) {
        AtomicReferenceArray<CompletableFuture<Void>> table = slots;
        if (table == null || id < 1 || id > limit) {
            return null;
        }
        CompletableFuture<Void> waiter = table.getAndSet(id, null);
        if (waiter != null) {
            inUse.decrementAndGet();
        }
        return waiter;
    }

    /** Whether an id is in use (a PUBREC must answer one of ours). */
    boolean inUse(int id) {
        AtomicReferenceArray<CompletableFuture<Void>> table = slots;
        return table != null && id >= 1 && id <= limit && table.get(id) != null;
    }

    /** Fails everything still waiting, when the connection is gone. */
    void failAll(Throwable cause) {
        AtomicReferenceArray<CompletableFuture<Void>> table = slots;
        if (table == null) {
            return;
        }
        for (int id = 1; id <= limit; id++) {
            CompletableFuture<Void> waiter = release(id);
            if (waiter != null) {
                waiter.completeExceptionally(cause);
            }
        }
    }

    private AtomicReferenceArray<CompletableFuture<Void>> table() {
        AtomicReferenceArray<CompletableFuture<Void>> table = slots;
        if (table == null) {
            synchronized (this) {
                if (slots == null) {
                    slots = new AtomicReferenceArray<>(limit + 1);
                }
                table = slots;
            }
        }
        return table;
    }
}
