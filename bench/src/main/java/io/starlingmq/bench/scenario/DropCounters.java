package io.starlingmq.bench.scenario;

/**
 * The broker's own count of what it dropped, read from its metrics.
 *
 * @param gatewayDeliveries deliveries a gateway dropped because a connection's queue was full
 *        ({@code starling.gateway.deliveries.dropped}): the clean-session subscriber's bound
 * @param routerMessages messages the router dropped because a session queue in the store was full
 *        ({@code starling.router.messages.dropped}): the persistent subscriber's bound
 * @param gatewayLinkEvents events a gateway could not queue towards its router
 *        ({@code starling.gateway.link.events.dropped}); not a message count, but any rise is a gap to explain
 */
public record DropCounters(double gatewayDeliveries, double routerMessages, double gatewayLinkEvents) {

    /** Messages dropped under a queue policy: what an acknowledged message may end as, besides delivered. */
    public double messages() {
        return gatewayDeliveries + routerMessages;
    }

    /** The rise of every counter from {@code before} to this reading. */
    public DropCounters since(DropCounters before) {
        return new DropCounters(gatewayDeliveries - before.gatewayDeliveries, routerMessages - before.routerMessages,
                gatewayLinkEvents - before.gatewayLinkEvents);
    }
}
