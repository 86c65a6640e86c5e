package io.starlingmq.router.session;

import io.smallrye.mutiny.Uni;
import io.starlingmq.contract.link.v1.SharedDelivery;
import io.starlingmq.router.events.MessageMapping;
import io.starlingmq.router.index.Matches;
import io.starlingmq.router.index.SessionDirectory;
import io.starlingmq.router.index.SharedFilter;
import io.starlingmq.router.index.SubscriptionIndex;
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
        return redispatchStored(leavingClientId, returned.stream()
                .map(delivery -> {
                    StoredMessage message = MessageMapping.toStoredReturned(delivery.getMessage(), now);
                    return message.addressed(delivery.getQos(), message.retain(), List.of(),
                            delivery.getSharedSubscription());
                })
                .toList());
    }

    /** Messages addressed to {@code leavingClientId} through a shared subscription, as the store keeps them. */
    public Uni<Void> redispatchStored(String leavingClientId, List<StoredMessage> orphaned) {
        if (orphaned.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        long now = System.currentTimeMillis();
        DeliveryBatch batch = new DeliveryBatch(directory);
        int undeliverable = 0;
        for (StoredMessage message : orphaned) {
            if (message.expiredAt(now)) {
                metrics.expired(1);
                continue;
            }
            SharedFilter group = message.sharedSubscription() == null ? null
                    : SharedFilter.parse(message.sharedSubscription());
            Matches.Member chosen = group == null ? null
                    : chooser.choose(group.asSubscribed(), index.members(group), message.publisher(), leavingClientId);
            if (chosen == null || batch.add(chosen.clientId(),
                    OverlappingSubscriptions.addressShared(message, group.asSubscribed(), chosen))
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
