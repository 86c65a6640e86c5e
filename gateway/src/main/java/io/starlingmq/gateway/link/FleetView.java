package io.starlingmq.gateway.link;

import io.starlingmq.contract.link.v1.FleetLoad;
import io.starlingmq.contract.link.v1.GatewayLoad;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The load of every gateway of the fleet as the routers last reported it (each router answers a heartbeat
 * with what every gateway linked to it said), newest report per gateway, with when it arrived.
 */
public final class FleetView {

    private final Map<String, Reported> byGateway = new ConcurrentHashMap<>();
    private volatile Runnable onRebalanceAsked = () -> { };

    /** Takes a router's report. */
    public void update(FleetLoad fleet, long nowNanos) {
        for (GatewayLoad load : fleet.getGatewaysList()) {
            byGateway.put(load.getGatewayId(), new Reported(load, nowNanos));
        }
    }

    /** The gateways reported within {@code fresh} before {@code nowNanos}: those not heard of since count as gone. */
    public List<Reported> current(long nowNanos, Duration fresh) {
        long oldest = nowNanos - fresh.toNanos();
        byGateway.values().removeIf(seen -> seen.atNanos() - oldest < 0);
        return List.copyOf(byGateway.values());
    }

    /** What to do when a router passes on an operator's request for a rebalance round now. */
    public void onRebalanceAsked(Runnable action) {
        this.onRebalanceAsked = action;
    }

    /** A router passed on an operator's request for a rebalance round now. */
    public void rebalanceAsked() {
        onRebalanceAsked.run();
    }

    /** A gateway's load and when ({@link System#nanoTime()}) the report of it arrived. */
    public record Reported(GatewayLoad load, long atNanos) {
    }
}
