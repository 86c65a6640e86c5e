package io.starlingmq.router.session;

import io.smallrye.mutiny.Uni;
import io.starlingmq.contract.link.v1.AckKind;
import io.starlingmq.contract.link.v1.DeliveryAck;
import io.starlingmq.router.events.RouterEvents;
import io.starlingmq.router.link.GatewayLink;
import io.starlingmq.store.Holder;
import io.starlingmq.store.SessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * A subscriber's PUBACK or PUBCOMP frees its window in the store and queued messages released into it
 * are sent; its PUBREC is recorded first and only then is the gateway told to send PUBREL.
 */
@ApplicationScoped
public class DeliveryAcks {

    private static final Logger LOG = Logger.getLogger(DeliveryAcks.class);

    @Inject
    SessionStore store;
    @Inject
    Deliveries deliveries;
    @Inject
    RouterMetrics metrics;

    public Uni<Void> ack(GatewayLink link, DeliveryAck ack) {
        Holder holder = new Holder(link.gatewayId(), ack.getConnectionId());
        Uni<Void> step = ack.getKind() == AckKind.PUBREC ? received(link, ack, holder) : completed(ack, holder);
        return step
                .onFailure().invoke(failure -> LOG.errorf(failure, "%s of %s failed", ack.getKind(), ack.getClientId()))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> completed(DeliveryAck ack, Holder holder) {
        return store.ack(ack.getClientId(), holder, List.of(ack.getPacketId()))
                .invoke(result -> {
                    metrics.expired(result.expired());
                    deliveries.sendQueued(result.holder(), result.released());
                })
                .replaceWithVoid();
    }

    private Uni<Void> received(GatewayLink link, DeliveryAck ack, Holder holder) {
        return store.markReleased(ack.getClientId(), holder, List.of(ack.getPacketId()))
                .invoke(released -> link.sender().sendAll(released.stream()
                        .map(packetId -> RouterEvents.release(holder.connectionId(), packetId)).toList()))
                .replaceWithVoid();
    }
}
