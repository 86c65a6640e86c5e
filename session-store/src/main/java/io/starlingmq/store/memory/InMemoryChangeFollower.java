package io.starlingmq.store.memory;

import io.starlingmq.store.Change;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Consumer;

/** Delivers the in-memory change log to one listener, on its own virtual thread, skipping one origin. */
final class InMemoryChangeFollower {

    private static final Logger LOG = Logger.getLogger(InMemoryChangeFollower.class);
    /** How long one wait for new changes lasts before the stop flag is checked again. */
    private static final Duration WAIT = Duration.ofMillis(250);

    private final ChangeLog log;
    private final String ownOrigin;
    private final Consumer<Change> listener;
    private volatile boolean running = true;
    private long cursor;
    private Thread thread;

    InMemoryChangeFollower(ChangeLog log, String ownOrigin, long cursor, Consumer<Change> listener) {
        this.log = log;
        this.ownOrigin = ownOrigin;
        this.cursor = cursor;
        this.listener = listener;
    }

    void start() {
        thread = Thread.ofVirtual().name("starling-store-follow").start(this::run);
    }

    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        try {
            while (running) {
                ChangeLog.Batch batch = log.after(cursor, WAIT);
                if (batch.gap()) {
                    LOG.warnf("change follower fell more than the log's capacity behind; changes after %d were lost",
                            cursor);
                }
                for (ChangeLog.Entry entry : batch.entries()) {
                    if (!running) {
                        return;
                    }
                    cursor = entry.sequence();
                    if (!entry.origin().equals(ownOrigin)) {
                        deliver(entry.change());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(Change change) {
        try {
            listener.accept(change);
        } catch (RuntimeException e) {
            // one bad change must not stop the feed for every later one
            LOG.warnf(e, "change listener failed on %s", change);
        }
    }
}
