package io.starlingmq.router.session;

import io.smallrye.mutiny.Uni;
import io.starlingmq.contract.link.v1.DeliveryAck;
import io.starlingmq.router.link.GatewayLink;
import io.starlingmq.store.Holder;
import io.starlingmq.store.SessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;

/** A subscriber's PUBACK frees its window in the store; queued messages released into it are sent. */
@ApplicationScoped
public class DeliveryAcks {

    private static final Logger LOG = Logger.getLogger(DeliveryAcks.class);

    @Inject
    SessionStore store;
    @Inject
    Deliveries deliveries;

    public Uni<Void> ack(GatewayLink link, DeliveryAck ack) {
        Holder holder = new Holder(link.gatewayId(), ack.getConnectionId());
        return store.ack(ack.getClientId(), holder, List.of(ack.getPacketId()))
                .invoke(result -> deliveries.sendQueued(result.holder(), result.released()))
                .onFailure().invoke(failure -> LOG.errorf(failure, "ack of %s failed", ack.getClientId()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
