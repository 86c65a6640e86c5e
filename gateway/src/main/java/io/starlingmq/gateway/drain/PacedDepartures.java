package io.starlingmq.gateway.drain;

import io.netty.channel.Channel;
import io.starlingmq.contract.reason.DisconnectReason;
import io.starlingmq.gateway.metrics.GatewayMetrics;
import io.starlingmq.gateway.mqtt.Disconnects;
import io.starlingmq.gateway.session.Connection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Asks connections to leave one after another at a {@link DrainPace}, on the calling thread: what the
 * drain and the rebalance share. Each departure is counted by why, and as draining until it closes.
 */
public final class PacedDepartures {

    private final GatewayMetrics metrics;
    private final String why;
    private final DisconnectReason reason;
    private final String closeReason;
    private final Optional<String> serverReference;

    /**
     * @param why             the metric's reason ({@link GatewayMetrics#LEAVE_DRAIN} or {@link GatewayMetrics#LEAVE_REBALANCE})
     * @param reason          the MQTT 5 DISCONNECT reason
     * @param closeReason     the SessionClose reason the router gets
     * @param serverReference the Server Reference MQTT 5 clients get, if any
     */
    public PacedDepartures(GatewayMetrics metrics, String why, DisconnectReason reason, String closeReason,
            Optional<String> serverReference) {
        this.metrics = metrics;
        this.why = why;
        this.reason = reason;
        this.closeReason = closeReason;
        this.serverReference = serverReference;
    }

    /**
     * Asks each connection in turn, consecutive asks at least one interval apart, until the deadline
     * ({@link System#nanoTime()}); a connection already gone takes no slot. Answers how many were asked.
     * Stops early, without asking, when the thread is interrupted.
     */
    public int askAll(List<Connection> connections, DrainPace pace, long deadlineNanos) {
        int asked = 0;
        long next = System.nanoTime();
        for (Connection connection : connections) {
            long now = waitUntil(next);
            if (now - deadlineNanos >= 0 || Thread.currentThread().isInterrupted()) {
                break;
            }
            if (askToLeave(connection)) {
                asked++;
                next = now + pace.intervalNanos();
            }
        }
        return asked;
    }

    /** Asks one client to leave, unless its connection is gone or going already. */
    private boolean askToLeave(Connection connection) {
        Channel channel = connection.channel();
        if (!channel.isActive() || Disconnects.isClosing(channel)) {
            return false;
        }
        metrics.askedToLeave(why);
        channel.closeFuture().addListener(closed -> metrics.leftAfterAsked());
        boolean mqtt5 = connection.identity().isMqtt5();
        channel.eventLoop().execute(() -> Disconnects.askToLeave(channel, mqtt5, reason, closeReason, serverReference));
        return true;
    }

    private static long waitUntil(long at) {
        long now = System.nanoTime();
        while (now - at < 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(at - now);
            now = System.nanoTime();
        }
        return now;
    }
}
