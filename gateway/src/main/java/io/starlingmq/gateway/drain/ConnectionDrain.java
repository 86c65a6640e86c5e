package io.starlingmq.gateway.drain;

import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import io.starlingmq.gateway.config.GatewayConfig;
import io.starlingmq.gateway.metrics.GatewayMetrics;
import io.starlingmq.gateway.mqtt.Disconnects;
import io.starlingmq.gateway.session.Connection;
import io.starlingmq.gateway.session.ConnectionRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jboss.logging.Logger;

/**
 * The drain of a gateway that shuts down, once its listeners are closed: every client is asked to leave
 * at the {@link DrainPace}, then the drain waits for them to go until its timeout and closes what is left
 * (connections still in their CONNECT phase among them). Acknowledged publishes are safe throughout: the
 * gateway acknowledges a PUBLISH only after the router routed it, so closing never loses one.
 */
public final class ConnectionDrain {

    private static final Logger LOG = Logger.getLogger(ConnectionDrain.class);

    private final ConnectionRegistry registry;
    private final GatewayConfig.Drain config;
    private final GatewayMetrics metrics;

    public ConnectionDrain(ConnectionRegistry registry, GatewayConfig.Drain config, GatewayMetrics metrics) {
        this.registry = registry;
        this.config = config;
        this.metrics = metrics;
        // Bad settings fail the start, not the shutdown.
        DrainPace.of(0, config.window(), config.maxRate());
    }

    /** Runs the drain on the calling thread; returns once every connection is closed or the timeout passed. */
    public void run(ChannelGroup channels) {
        long start = System.nanoTime();
        long deadline = start + config.timeout().toNanos();
        List<Connection> connections = List.copyOf(registry.all());
        DrainPace pace = DrainPace.of(connections.size(), config.window(), config.maxRate());
        LOG.infof("Draining %d connections, one every %d ms (window %s, at most %d a second, timeout %s)",
                connections.size(), pace.interval().toMillis(), config.window(), config.maxRate(), config.timeout());
        int asked = askAll(connections, pace, deadline);
        long left = Math.max(0, deadline - System.nanoTime());
        if (!channels.newCloseFuture().awaitUninterruptibly(TimeUnit.NANOSECONDS.toMillis(left))) {
            LOG.warnf("%d connections still open at the drain timeout (%d of %d asked to leave); closing them",
                    channels.size(), asked, connections.size());
        }
        channels.close().awaitUninterruptibly(config.timeout().toMillis());
        LOG.infof("Drain done in %d ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    /** Asks one client to leave, unless its connection is gone or going already. */
    private boolean askToLeave(Connection connection) {
        Channel channel = connection.channel();
        if (!channel.isActive() || Disconnects.isClosing(channel)) {
            return false;
        }
        metrics.askedToLeave(GatewayMetrics.LEAVE_DRAIN);
        channel.closeFuture().addListener(closed -> metrics.leftAfterAsked());
        boolean mqtt5 = connection.identity().isMqtt5();
        channel.eventLoop().execute(() -> Disconnects.askToLeave(channel, mqtt5, config.serverReference()));
        return true;
    }

    /** Asks each connection in turn, consecutive asks at least one interval apart; stops at the deadline. */
    private int askAll(List<Connection> connections, DrainPace pace, long deadline) {
        int asked = 0;
        long next = System.nanoTime();
        for (Connection connection : connections) {
            long now = waitUntil(next);
            if (now - deadline >= 0) {
                break;
            }
            // A connection that had gone already takes no slot of the pace.
            if (askToLeave(connection)) {
                asked++;
                next = now + pace.intervalNanos();
            }
        }
        return asked;
    }

    private static long waitUntil(long at) {
        long now = System.nanoTime();
        while (now - at < 0) {
            LockSupport.parkNanos(at - now);
            now = System.nanoTime();
        }
        return now;
    }
}
