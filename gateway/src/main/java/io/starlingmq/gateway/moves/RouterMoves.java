package io.starlingmq.gateway.moves;

import io.netty.channel.Channel;
import io.starlingmq.contract.reason.DisconnectReason;
import io.starlingmq.gateway.config.GatewayConfig;
import io.starlingmq.gateway.link.RouterLink;
import io.starlingmq.gateway.link.RouterLinks;
import io.starlingmq.gateway.metrics.GatewayMetrics;
import io.starlingmq.gateway.mqtt.Disconnects;
import io.starlingmq.gateway.session.CloseReason;
import io.starlingmq.gateway.session.Connection;
import io.starlingmq.gateway.session.ConnectionRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps every connection on the router its client id maps to. When the set of routers changes (one joined, one
 * left or said it is leaving, one came back after it died), the connections whose router is no longer their
 * client id's are asked to reconnect, at most {@code router-moves.max-rate} a second; they come back through
 * any gateway to the new router, where their session is in the store. Before it is asked, a connection is no
 * longer read and waits until the publishes it sent to its old router are answered (at most
 * {@code hold-timeout}): so the old router has routed all of them before the new one gets the next, and one
 * publisher's messages keep their order. A router that left the set is unlinked once no connection uses it.
 * (Connections of a router whose stream was lost are closed at once by the link: what it had under way is
 * unknown, and the clients resend it.)
 */
public final class RouterMoves {

    private static final Logger LOG = Logger.getLogger(RouterMoves.class);

    private final ConnectionRegistry registry;
    private final RouterLinks links;
    private final GatewayConfig.RouterMoves config;
    private final GatewayMetrics metrics;
    private final int perRound;
    private final long spacingNanos;
    /** Asks this gateway may make now: refilled at max-rate a second, at most a round's worth. */
    private double tokens;
    private long refilledAt = System.nanoTime();
    private ScheduledExecutorService rounds;

    public RouterMoves(ConnectionRegistry registry, RouterLinks links, GatewayConfig.RouterMoves config,
            GatewayMetrics metrics) {
        this.registry = registry;
        this.links = links;
        this.config = config;
        this.metrics = metrics;
        if (config.maxRate() < 1 || !config.interval().isPositive() || config.holdTimeout().isNegative()) {
            throw new IllegalArgumentException("router-moves: max-rate must be at least 1, interval positive, "
                    + "hold-timeout not negative");
        }
        this.perRound = (int) Math.max(1, config.maxRate() * config.interval().toMillis() / 1000);
        this.spacingNanos = TimeUnit.SECONDS.toNanos(1) / config.maxRate();
        this.tokens = perRound;
    }

    public synchronized void start() {
        if (rounds != null) {
            return;
        }
        rounds = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "starling-router-moves");
            thread.setDaemon(true);
            return thread;
        });
        long everyMillis = config.interval().toMillis();
        rounds.scheduleWithFixedDelay(this::round, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
        links.onChange(() -> {
            ScheduledExecutorService executor = rounds;
            if (executor != null && !executor.isShutdown()) {
                executor.execute(this::round);
            }
        });
    }

    public synchronized void stop() {
        if (rounds != null) {
            rounds.shutdownNow();
            rounds = null;
        }
    }

    /** One pass: the misplaced connections, those already held first, as many as the rate allows now. */
    void round() {
        ScheduledExecutorService rounds = this.rounds;
        if (rounds == null || rounds.isShutdown()) {
            return;
        }
        try {
            List<Connection> misplaced = new ArrayList<>();
            Set<RouterLink> used = new HashSet<>();
            for (Connection connection : registry.all()) {
                RouterLink current = connection.router();
                used.add(current);
                RouterLink owner = links.ownerFor(connection.identity().clientId());
                // no live router: nowhere to go. A leaving router's channel takes no new stream (it is not "up"),
                // while the stream it has goes on: its connections move like any other.
                if (owner != null && owner != current && connection.channel().isActive()) {
                    misplaced.add(connection);
                }
            }
            misplaced.sort(Comparator.comparingLong(RouterMoves::heldOrder));
            long holdNanos = config.holdTimeout().toNanos();
            long now = System.nanoTime();
            tokens = Math.min(perRound, tokens + (now - refilledAt) / 1e9 * config.maxRate());
            refilledAt = now;
            int asks = Math.min((int) tokens, misplaced.size());
            tokens -= asks;
            if (!misplaced.isEmpty()) {
                LOG.debugf("%d connections on another router than their client id's, %d to move now",
                        misplaced.size(), asks);
            }
            // spaced one over the rate apart, so the clients come back as an even wave, not in bursts
            for (int i = 0; i < asks; i++) {
                Connection connection = misplaced.get(i);
                rounds.schedule(() -> connection.channel().eventLoop().execute(() -> move(connection, holdNanos)),
                        i * spacingNanos, TimeUnit.NANOSECONDS);
            }
            for (RouterLink link : links.all()) {
                if (links.retiring(link) && !used.contains(link)) {
                    links.retire(link);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "a round of router moves failed");
        }
    }

    /** Held ones first (oldest hold first), then the rest. */
    private static long heldOrder(Connection connection) {
        long since = connection.heldForMoveSince();
        return since == 0 ? Long.MAX_VALUE : since;
    }

    /** On the connection's event loop: hold it, and once nothing of it is under way at its router, ask it to go. */
    private void move(Connection connection, long holdNanos) {
        Channel channel = connection.channel();
        if (!channel.isActive() || Disconnects.isClosing(channel)) {
            return;
        }
        connection.holdForMove();
        boolean settled = connection.inbound().size() == 0;
        if (settled || System.nanoTime() - connection.heldForMoveSince() > holdNanos) {
            metrics.askedToLeave(GatewayMetrics.LEAVE_ROUTER_MOVE);
            channel.closeFuture().addListener(closed -> metrics.leftAfterAsked());
            Disconnects.askToLeave(channel, connection.identity().isMqtt5(), DisconnectReason.USE_ANOTHER_SERVER,
                    CloseReason.ROUTER_MOVED, Optional.empty());
        }
    }
}
