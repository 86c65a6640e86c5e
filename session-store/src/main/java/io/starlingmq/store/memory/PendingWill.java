package io.starlingmq.store.memory;

import io.starlingmq.store.Holder;
import io.starlingmq.store.Will;

/**
 * The in-memory form of a stored will: its connection and, once that connection was lost, when it is
 * due ({@link #NOT_SCHEDULED} while the connection lives).
 */
record PendingWill(Holder owner, Will will, long dueAtMillis) {

    static final long NOT_SCHEDULED = -1;

    boolean scheduled() {
        return dueAtMillis != NOT_SCHEDULED;
    }
}
