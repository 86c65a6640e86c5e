package io.starlingmq.gateway.drain;

import io.netty.channel.group.ChannelGroup;
import io.starlingmq.contract.reason.DisconnectReason;
import io.starlingmq.gateway.config.GatewayConfig;
import io.starlingmq.gateway.metrics.GatewayMetrics;
import io.starlingmq.gateway.session.CloseReason;
import io.starlingmq.gateway.session.Connection;
import io.starlingmq.gateway.session.ConnectionRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    private final PacedDepartures departures;

    public ConnectionDrain(ConnectionRegistry registry, GatewayConfig.Drain config, GatewayMetrics metrics) {
        this.registry = registry;
        this.config = config;
        // With a Server Reference the client is pointed elsewhere (0x9C); without, told the server goes (0x8B).
        DisconnectReason reason = config.serverReference().isPresent()
                ? DisconnectReason.USE_ANOTHER_SERVER : DisconnectReason.SERVER_SHUTTING_DOWN;
        this.departures = new PacedDepartures(metrics, GatewayMetrics.LEAVE_DRAIN, reason, CloseReason.GATEWAY_SHUTDOWN,
                config.serverReference());
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
        int asked = departures.askAll(connections, pace, deadline);
        long left = Math.max(0, deadline - System.nanoTime());
        if (!channels.newCloseFuture().awaitUninterruptibly(TimeUnit.NANOSECONDS.toMillis(left))) {
            LOG.warnf("%d connections still open at the drain timeout (%d of %d asked to leave); closing them",
                    channels.size(), asked, connections.size());
        }
        channels.close().awaitUninterruptibly(config.timeout().toMillis());
        LOG.infof("Drain done in %d ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }
}
