package io.starlingmq.bench.counters;

import java.util.Map;
import java.util.TreeMap;

/**
 * The broker's own count of what it dropped, read from its metrics.
 *
 * @param gatewayDeliveries deliveries a gateway dropped because a connection's queue was full
 *        ({@code starling.gateway.deliveries.dropped}): the clean-session subscriber's bound
 * @param routerMessages messages the router dropped because a session queue in the store was full
 *        ({@code starling.router.messages.dropped}): the persistent subscriber's bound
 * @param gatewayLinkEvents events a gateway could not queue towards its router
 *        ({@code starling.gateway.link.events.dropped}); not a message count, but any rise is a gap to explain
 * @param gatewayDeliveriesByReason {@code gatewayDeliveries} split by the meter's {@code reason} label, when it has
 *        one (empty otherwise); samples without the label count under ""
 */
public record DropCounters(double gatewayDeliveries, double routerMessages, double gatewayLinkEvents,
        Map<String, Double> gatewayDeliveriesByReason) {

    public DropCounters {
        gatewayDeliveriesByReason = Map.copyOf(gatewayDeliveriesByReason);
    }

    public DropCounters(double gatewayDeliveries, double routerMessages, double gatewayLinkEvents) {
        this(gatewayDeliveries, routerMessages, gatewayLinkEvents, Map.of());
    }

    /** Messages dropped under a queue policy: what an acknowledged message may end as, besides delivered. */
    public double messages() {
        return gatewayDeliveries + routerMessages;
    }

    /** The rise of every counter from {@code before} to this reading. */
    public DropCounters since(DropCounters before) {
        Map<String, Double> byReason = new TreeMap<>(gatewayDeliveriesByReason);
        // A reason first seen after "before" rose from 0; one seen only before cannot have gone (counters only rise).
        before.gatewayDeliveriesByReason.forEach((reason, v) -> byReason.merge(reason, -v, Double::sum));
        return new DropCounters(gatewayDeliveries - before.gatewayDeliveries, routerMessages - before.routerMessages,
                gatewayLinkEvents - before.gatewayLinkEvents, byReason);
    }
}
