package io.starlingmq.router.session;

import io.smallrye.mutiny.Uni;
import io.starlingmq.contract.link.v1.Message;
import io.starlingmq.contract.link.v1.SharedDelivery;
import io.starlingmq.router.events.MessageMapping;
import io.starlingmq.router.index.Matches;
import io.starlingmq.router.index.SessionDirectory;
import io.starlingmq.router.index.SharedFilter;
import io.starlingmq.router.index.SubscriptionIndex;
import io.starlingmq.router.routing.AddressedMessage;
import io.starlingmq.router.routing.MessageExpiry;
import io.starlingmq.router.routing.OverlappingSubscriptions;
import io.starlingmq.router.routing.SharedGroupChooser;
import io.starlingmq.store.StoredMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Shared deliveries a member can no longer take go to another member of the same group, never back to the one
 * leaving (MQTT 5 section 4.8.2): those a clean session's client left without acknowledging
 * (SessionClose.unacknowledged), and the queued and inflight ones of a persistent session that ended. A
 * delivery whose expiry passed, or for which no other member is left, is dropped and counted.
 */
@ApplicationScoped
public class SharedRedispatch {

    private static final Logger LOG = Logger.getLogger(SharedRedispatch.class);

    @Inject
    SubscriptionIndex index;
    @Inject
    SessionDirectory directory;
    @Inject
    SharedGroupChooser chooser;
    @Inject
    Deliveries deliveries;
    @Inject
    SessionQueues queues;
    @Inject
    RouterMetrics metrics;

    /** Deliveries a gateway handed back for a clean session that ended. */
    public Uni<Void> redispatch(String leavingClientId, List<SharedDelivery> returned) {
        long now = System.currentTimeMillis();
        return handOn(leavingClientId, returned.stream()
                .map(delivery -> {
                    Message message = MessageExpiry.returned(delivery.getMessage(), now);
                    return new AddressedMessage(message, delivery.getQos(), message.getRetain(), List.of(),
                            delivery.getSharedSubscription());
                })
                .toList());
    }

    /** Messages addressed to {@code leavingClientId} through a shared subscription, as the store kept them. */
    public Uni<Void> redispatchStored(String leavingClientId, List<StoredMessage> orphaned) {
        return handOn(leavingClientId, orphaned.stream().map(MessageMapping::toAddressed).toList());
    }

    private Uni<Void> handOn(String leavingClientId, List<AddressedMessage> orphaned) {
        if (orphaned.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        long now = System.currentTimeMillis();
        DeliveryBatch batch = new DeliveryBatch(directory, now);
        int undeliverable = 0;
        for (AddressedMessage delivery : orphaned) {
            if (MessageExpiry.expiredAt(delivery.message(), now)) {
                metrics.expired(1);
                continue;
            }
            SharedFilter group = delivery.sharedSubscription() == null ? null
                    : SharedFilter.parse(delivery.sharedSubscription());
            Matches.Member chosen = group == null ? null
                    : chooser.choose(group.asSubscribed(), index.members(group), delivery.message().getPublisher(),
                            leavingClientId);
            if (chosen == null || batch.add(chosen.clientId(),
                    OverlappingSubscriptions.readdressShared(delivery, group.asSubscribed(), chosen))
                    == DeliveryBatch.Route.NOWHERE) {
                undeliverable++;
            }
        }
        if (undeliverable > 0) {
            LOG.debugf("%d shared deliveries handed back by %s had no other member to go to", undeliverable,
                    leavingClientId);
            metrics.sharedUndeliverable(undeliverable);
        }
        return queues.enqueue(batch.sendDirect(deliveries));
    }
}
