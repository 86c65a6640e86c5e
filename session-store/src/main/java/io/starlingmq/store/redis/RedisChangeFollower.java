package io.starlingmq.store.redis;

import io.starlingmq.store.Change;
import io.starlingmq.store.ChangeCodec;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Response;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Tails the change stream on a connection of its own (XREAD BLOCK never holds up pooled commands),
 * on a virtual thread, delivering other origins' changes in order. Reconnects with backoff after an
 * error, warning once per outage.
 */
final class RedisChangeFollower {

    private static final Logger LOG = Logger.getLogger(RedisChangeFollower.class);

    private final Redis redis;
    private final RedisStoreSettings settings;
    private final String ownOrigin;
    private final Consumer<Change> listener;
    private volatile boolean running = true;
    private volatile RedisConnection connection;
    private String cursor;
    private Thread thread;

    RedisChangeFollower(Redis redis, RedisStoreSettings settings, String ownOrigin, String cursor,
                        Consumer<Change> listener) {
        this.redis = redis;
        this.settings = settings;
        this.ownOrigin = ownOrigin;
        this.cursor = cursor;
        this.listener = listener;
    }

    void start() {
        thread = Thread.ofVirtual().name("starling-redis-follow").start(this::run);
    }

    void stop() {
        running = false;
        closeConnection();
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        Duration backoff = settings.reconnectMinBackoff();
        boolean inOutage = false;
        while (running) {
            try {
                if (connection == null) {
                    connection = redis.connect().await().atMost(settings.reconnectMaxBackoff().plusSeconds(5));
                }
                Response answer = connection.send(RedisCommands.request(Command.XREAD,
                                "COUNT", settings.followBatchSize(), "BLOCK", settings.followBlock().toMillis(),
                                "STREAMS", RedisKeys.CHANGES, cursor))
                        .await().atMost(settings.followBlock().plusSeconds(10));
                if (inOutage) {
                    LOG.infof("change feed reading again from %s", cursor);
                    inOutage = false;
                    backoff = settings.reconnectMinBackoff();
                }
                for (RedisStreamEntries.Entry entry : RedisStreamEntries.ofXread(answer, RedisKeys.CHANGES)) {
                    cursor = entry.id();
                    if (running && !ownOrigin.equals(entry.origin()) && entry.change() != null) {
                        deliver(entry);
                    }
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!inOutage) {
                    LOG.warnf("change feed lost (%s); reconnecting with backoff", e.toString());
                    inOutage = true;
                }
                closeConnection();
                if (!pause(backoff)) {
                    return;
                }
                backoff = min(backoff.multipliedBy(2), settings.reconnectMaxBackoff());
            }
        }
    }

    private void deliver(RedisStreamEntries.Entry entry) {
        Change change;
        try {
            change = ChangeCodec.decode(entry.change());
        } catch (IllegalArgumentException e) {
            LOG.warnf("skipping undecodable change %s: %s", entry.id(), e.getMessage());
            return;
        }
        try {
            listener.accept(change);
        } catch (RuntimeException e) {
            // one bad change must not stop the feed for every later one
            LOG.warnf(e, "change listener failed on %s", change);
        }
    }

    /** Waits before the next reconnect attempt; false when stopped meanwhile. */
    private boolean pause(Duration backoff) {
        try {
            Thread.sleep(backoff);
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void closeConnection() {
        RedisConnection current = connection;
        connection = null;
        if (current != null) {
            current.close().subscribe().with(ignored -> { }, failure -> { });
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
