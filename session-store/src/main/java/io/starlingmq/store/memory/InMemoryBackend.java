package io.starlingmq.store.memory;

import io.starlingmq.store.Ban;
import io.starlingmq.store.StoredMessage;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The state several {@link InMemorySessionStore}s share, as several routers share one Redis: sessions,
 * retained messages, bans and the change feed. One lock guards it all.
 */
public final class InMemoryBackend {

    /** Changes kept for followers that lag; one that falls further behind misses changes (logged). */
    public static final int DEFAULT_CHANGE_LOG_CAPACITY = 10_000;

    final ReentrantLock lock = new ReentrantLock();
    final Map<String, InMemorySession> sessions = new LinkedHashMap<>();
    final Map<String, StoredMessage> retained = new LinkedHashMap<>();
    final Map<String, PendingWill> wills = new LinkedHashMap<>();
    /** by {@link Ban#key()} */
    final Map<String, Ban> bans = new LinkedHashMap<>();
    final ChangeLog changes;
    final InstantSource clock;

    public InMemoryBackend() {
        this(InstantSource.system(), DEFAULT_CHANGE_LOG_CAPACITY);
    }

    /** @param clock the time session expiry is measured by */
    public InMemoryBackend(InstantSource clock, int changeLogCapacity) {
        this.clock = clock;
        this.changes = new ChangeLog(changeLogCapacity);
    }

    /** Forgets every session, retained message and ban (the change feed keeps its position). */
    public void clear() {
        lock.lock();
        try {
            sessions.clear();
            retained.clear();
            wills.clear();
            bans.clear();
        } finally {
            lock.unlock();
        }
    }
}
