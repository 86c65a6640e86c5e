package io.starlingmq.bench.counters;

import java.util.Map;

/**
 * The broker's drop counters of one run as report rows: the messages dropped (gateway deliveries plus router
 * messages), each counter on its own, and the gateway's deliveries per {@code reason} when the meter has that
 * label. Without counters (Mosquitto) every row is NaN, shown as "—", never as 0.
 */
public final class DropMetrics {

    public static final String DROPPED = "dropped (broker's counters)";
    public static final String GATEWAY_DELIVERIES = "dropped: gateway deliveries";
    public static final String ROUTER_MESSAGES = "dropped: router messages";
    public static final String LINK_EVENTS = "dropped: gateway link events";
    /** Followed by the reason, e.g. {@code dropped: gateway deliveries, reason queue-full}. */
    public static final String BY_REASON = "dropped: gateway deliveries, reason ";

    private DropMetrics() {
    }

    /** @param counted the counters' rise over the run; null when the broker has none */
    public static void put(Map<String, Double> metrics, DropCounters counted) {
        metrics.put(DROPPED, counted == null ? Double.NaN : counted.messages());
        metrics.put(GATEWAY_DELIVERIES, counted == null ? Double.NaN : counted.gatewayDeliveries());
        metrics.put(ROUTER_MESSAGES, counted == null ? Double.NaN : counted.routerMessages());
        metrics.put(LINK_EVENTS, counted == null ? Double.NaN : counted.gatewayLinkEvents());
        if (counted != null) {
            counted.gatewayDeliveriesByReason().forEach((reason, n) -> metrics.put(BY_REASON + (reason.isEmpty() ? "(none)" : reason), n));
        }
    }
}
