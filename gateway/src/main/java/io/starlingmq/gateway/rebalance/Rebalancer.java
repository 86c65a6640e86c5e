package io.starlingmq.gateway.rebalance;

import io.starlingmq.contract.link.v1.GatewayLoad;
import io.starlingmq.contract.reason.DisconnectReason;
import io.starlingmq.gateway.config.GatewayConfig;
import io.starlingmq.gateway.drain.DrainPace;
import io.starlingmq.gateway.drain.PacedDepartures;
import io.starlingmq.gateway.link.FleetView;
import io.starlingmq.gateway.link.RouterLinks;
import io.starlingmq.gateway.metrics.GatewayMetrics;
import io.starlingmq.gateway.mqtt.Disconnects;
import io.starlingmq.gateway.session.CloseReason;
import io.starlingmq.gateway.session.Connection;
import io.starlingmq.gateway.session.ConnectionRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Evens the fleet's load from this gateway's side: every interval it compares its connections with the
 * fleet's as the routers report them ({@link RebalancePlan}) and asks its surplus to leave over the
 * window, choosing at random among the connections older than the minimum age. One round runs at a
 * time; the next starts an interval after it ended, once the heartbeats have carried the new counts.
 */
public final class Rebalancer {

    private static final Logger LOG = Logger.getLogger(Rebalancer.class);

    private final ConnectionRegistry registry;
    private final RouterLinks links;
    private final String self;
    private final GatewayConfig.Rebalance config;
    /** How recent a gateway's report must be to count the gateway (three heartbeats). */
    private final Duration fresh;
    /** How long after a round that moved clients the next waits for reports of the new counts (two heartbeats). */
    private final Duration settle;
    /** Reports that arrived before this ({@link System#nanoTime()}) predate the last round's moves. */
    private long reportsValidFrom = Long.MIN_VALUE;
    private boolean moved;
    private final PacedDepartures departures;
    private final GatewayMetrics metrics;
    private ScheduledExecutorService rounds;

    /**
     * @param heartbeat how often gateways report their load (the routers answer each report with the fleet's)
     */
    public Rebalancer(ConnectionRegistry registry, RouterLinks links, String self, GatewayConfig.Rebalance config,
            Duration heartbeat, GatewayMetrics metrics) {
        this.registry = registry;
        this.links = links;
        this.self = self;
        this.config = config;
        this.fresh = heartbeat.multipliedBy(3);
        this.settle = heartbeat.multipliedBy(2);
        this.metrics = metrics;
        this.departures = new PacedDepartures(metrics, GatewayMetrics.LEAVE_REBALANCE, DisconnectReason.USE_ANOTHER_SERVER,
                CloseReason.REBALANCED, Optional.empty());
        // Bad settings fail the start.
        DrainPace.of(0, config.window(), config.maxRate());
        RebalancePlan.surplus(self, 0, List.of(), config.tolerance());
        if (!config.interval().isPositive()) {
            throw new IllegalArgumentException("rebalance interval must be positive, was " + config.interval());
        }
    }

    public synchronized void start() {
        if (!config.enabled() || rounds != null) {
            return;
        }
        rounds = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "starling-rebalance");
            thread.setDaemon(true);
            return thread;
        });
        long every = config.interval().toMillis();
        rounds.scheduleWithFixedDelay(this::round, every, every, TimeUnit.MILLISECONDS);
        links.fleet().onRebalanceAsked(this::roundNow);
    }

    /** An operator asked for a round now: it runs on the rounds' thread, so never beside a scheduled one. */
    public synchronized void roundNow() {
        if (rounds == null || rounds.isShutdown()) {
            LOG.info("Rebalance asked for, but rebalancing is off here");
            return;
        }
        LOG.info("Rebalance round asked for by an operator");
        rounds.execute(this::round);
    }

    /** Stops rebalancing; a round under way stops asking at once. */
    public synchronized void stop() {
        if (rounds != null) {
            rounds.shutdownNow();
        }
    }

    /** One comparison, and the departures it calls for. */
    void round() {
        try {
            long now = System.nanoTime();
            List<FleetView.Reported> reports = links.fleet().current(now, fresh);
            if (moved && reports.stream().anyMatch(r -> !r.load().getGatewayId().equals(self)
                    && r.atNanos() - reportsValidFrom < 0)) {
                // The counts predate the clients this gateway just asked to leave: acting on them would move too many.
                LOG.debug("Rebalancing: waiting for the fleet's counts after the last round");
                return;
            }
            List<GatewayLoad> fleet = reports.stream().map(FleetView.Reported::load).toList();
            // The count the heartbeats report, so that this gateway weighs itself as the others see it.
            int own = metrics.openConnections();
            int surplus = RebalancePlan.surplus(self, own, fleet, config.tolerance());
            if (surplus == 0) {
                return;
            }
            List<Connection> chosen = settled(List.copyOf(registry.all()), now);
            Collections.shuffle(chosen, ThreadLocalRandom.current());
            chosen = chosen.subList(0, Math.min(surplus, chosen.size()));
            if (chosen.isEmpty()) {
                LOG.debugf("Rebalancing: %d above the fleet's share, but no connection is old enough to move", surplus);
                return;
            }
            DrainPace pace = DrainPace.of(chosen.size(), config.window(), config.maxRate());
            LOG.infof("Rebalancing: %d connections here, %d above the fleet's share (%d gateways); asking %d to leave "
                    + "over %d ms", own, surplus, fleet.size(), chosen.size(), pace.span().toMillis());
            long deadline = System.nanoTime() + config.window().toNanos() + config.interval().toNanos();
            if (departures.askAll(chosen, pace, deadline) > 0) {
                moved = true;
                reportsValidFrom = System.nanoTime() + settle.toNanos();
            }
        } catch (RuntimeException e) {
            LOG.warn("Rebalance round failed; the next one will try again", e);
        }
    }

    /** The connections old enough to be moved: a client that just arrived (perhaps moved here) stays. */
    private List<Connection> settled(List<Connection> open, long now) {
        long minAge = config.minConnectionAge().toNanos();
        List<Connection> settled = new ArrayList<>();
        for (Connection connection : open) {
            if (now - connection.openedNanos() >= minAge && !Disconnects.isClosing(connection.channel())) {
                settled.add(connection);
            }
        }
        return settled;
    }
}
