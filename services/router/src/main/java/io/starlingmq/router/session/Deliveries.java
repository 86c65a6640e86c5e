package io.starlingmq.router.session;

import io.starlingmq.contract.link.v1.RouterEvent;
import io.starlingmq.router.events.RouterEvents;
import io.starlingmq.router.link.GatewayRegistry;
import io.starlingmq.store.Holder;
import io.starlingmq.store.QueuedDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Sends deliveries to the gateway that holds a session, and counts them. */
@ApplicationScoped
public class Deliveries {

    @Inject
    GatewayRegistry gateways;
    @Inject
    RouterMetrics metrics;

    /** Sends store-numbered deliveries to {@code holder}; nothing when the session is offline. */
    public void sendQueued(Holder holder, List<QueuedDelivery> deliveries) {
        if (holder == null || deliveries.isEmpty()) {
            return;
        }
        send(holder.gatewayId(), RouterEvents.queuedDeliveries(holder.connectionId(), deliveries));
    }

    /** Sends Deliver events to one gateway. */
    public void send(String gatewayId, List<RouterEvent> deliveries) {
        if (!deliveries.isEmpty() && gateways.sendTo(gatewayId, deliveries)) {
            metrics.delivered(deliveries.size());
        }
    }
}
