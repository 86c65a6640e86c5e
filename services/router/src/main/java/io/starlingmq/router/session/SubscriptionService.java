package io.starlingmq.router.session;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.starlingmq.contract.link.v1.Subscribe;
import io.starlingmq.contract.link.v1.SubscriptionRequest;
import io.starlingmq.contract.link.v1.Unsubscribe;
import io.starlingmq.contract.link.v1.Message;
import io.starlingmq.router.events.MessageMapping;
import io.starlingmq.router.routing.MessageExpiry;
import io.starlingmq.contract.reason.SubackReason;
import io.starlingmq.contract.reason.UnsubackReason;
import io.starlingmq.router.config.RouterConfig;
import io.starlingmq.router.events.RouterEvents;
import io.starlingmq.router.index.RetainedIndex;
import io.starlingmq.router.index.SessionDirectory;
import io.starlingmq.router.index.SubscriptionIndex;
import io.starlingmq.router.link.GatewayLink;
import io.starlingmq.router.routing.OverlappingSubscriptions;
import io.starlingmq.store.SessionStore;
import io.starlingmq.store.Subscription;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** SUBSCRIBE and UNSUBSCRIBE: the store first, then the index, then the answer and retained messages. */
@ApplicationScoped
public class SubscriptionService {

    private static final Logger LOG = Logger.getLogger(SubscriptionService.class);
    /** Retain Handling 1: send retained messages only if the subscription did not exist. */
    private static final int SEND_RETAINED_IF_NEW = 1;
    /** Retain Handling 2: never send retained messages at subscribe. */
    private static final int SEND_NO_RETAINED = 2;

    @Inject
    SessionStore store;
    @Inject
    SubscriptionIndex index;
    @Inject
    RetainedIndex retained;
    @Inject
    SessionDirectory directory;
    @Inject
    Deliveries deliveries;
    @Inject
    SessionQueues queues;
    @Inject
    RouterMetrics metrics;
    @Inject
    RouterConfig config;

    public Uni<Void> subscribe(GatewayLink link, Subscribe request) {
        return subscribe(request.getClientId(), request.getSubscriptionsList(),
                reasons -> link.sender().send(RouterEvents.subscribed(request.getConnectionId(), request.getPacketId(),
                        reasons)));
    }

    /**
     * Subscribes a session as its SUBSCRIBE would (a gateway's, or an operator's on its behalf): the store, the
     * index, the answer (one SUBACK reason per request; Unspecified error for each when the store failed), and
     * only then the retained messages the subscriptions ask for, so a gateway sends SUBACK before them.
     */
    public Uni<Void> subscribe(String clientId, List<SubscriptionRequest> requests,
                               Consumer<List<SubackReason>> answer) {
        SubscribeRequestCheck check = SubscribeRequestCheck.of(requests, index.filtersOf(clientId),
                config.maxSubscriptionsPerSession());
        List<Subscription> accepted = check.accepted();
        Uni<List<Boolean>> stored = accepted.isEmpty() ? Uni.createFrom().item(List.of())
                : store.subscribe(clientId, accepted);
        AtomicBoolean answered = new AtomicBoolean();
        return stored
                .onItem().transformToUni(existed -> {
                    accepted.forEach(subscription -> index.add(clientId, subscription));
                    answered.set(true);
                    answer.accept(check.reasons());
                    return sendRetained(clientId, accepted, existed);
                })
                .onFailure().recoverWithItem(failure -> {
                    if (answered.get()) {
                        // subscribed and answered; only sending the retained messages failed
                        LOG.errorf(failure, "retained messages for the subscriptions of %s not sent", clientId);
                    } else {
                        LOG.errorf(failure, "subscribe of %s failed", clientId);
                        answer.accept(Collections.nCopies(check.reasons().size(), SubackReason.UNSPECIFIED_ERROR));
                    }
                    return null;
                });
    }

    public Uni<Void> unsubscribe(GatewayLink link, Unsubscribe request) {
        return unsubscribe(request.getClientId(), request.getFiltersList())
                .invoke(codes -> link.sender().send(
                        RouterEvents.unsubscribed(request.getConnectionId(), request.getPacketId(), codes)))
                .replaceWithVoid();
    }

    /** Unsubscribes a session as its UNSUBSCRIBE would; one UNSUBACK reason per filter. */
    public Uni<List<UnsubackReason>> unsubscribe(String clientId, List<String> filters) {
        return store.unsubscribe(clientId, filters)
                .map(existed -> {
                    List<UnsubackReason> reasons = new ArrayList<>(filters.size());
                    for (int i = 0; i < filters.size(); i++) {
                        index.remove(clientId, filters.get(i));
                        reasons.add(existed.get(i) ? UnsubackReason.SUCCESS : UnsubackReason.NO_SUBSCRIPTION_EXISTED);
                    }
                    return reasons;
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.errorf(failure, "unsubscribe of %s failed", clientId);
                    return Collections.nCopies(filters.size(), UnsubackReason.UNSPECIFIED_ERROR);
                });
    }

    /**
     * Retained messages matching the new subscriptions, as their Retain Handling asks [MQTT-3.3.1-9..11];
     * none for a shared subscription (MQTT 5 section 4.8.2). A persistent session takes QoS > 0 ones through
     * its queue like any delivery (so they survive its connection); the rest go straight to the connection.
     * A retained message whose expiry passed is not sent and leaves the retained set [MQTT-3.3.2-5].
     */
    private Uni<Void> sendRetained(String clientId, List<Subscription> subscriptions, List<Boolean> existed) {
        long now = System.currentTimeMillis();
        DeliveryBatch batch = new DeliveryBatch(directory, now);
        List<Message> expired = new ArrayList<>();
        for (int i = 0; i < subscriptions.size(); i++) {
            Subscription subscription = subscriptions.get(i);
            if (!wantsRetained(subscription, existed.get(i))) {
                continue;
            }
            for (Message message : retained.matching(subscription.filter())) {
                if (MessageExpiry.expiredAt(message, now)) {
                    expired.add(message);
                } else {
                    batch.add(clientId, OverlappingSubscriptions.addressRetained(message, subscription));
                }
            }
        }
        return dropExpired(expired, now).chain(() -> queues.enqueue(batch.sendDirect(deliveries)));
    }

    private static boolean wantsRetained(Subscription subscription, boolean existed) {
        return !SubscribeRequestCheck.isShared(subscription)
                && subscription.retainHandling() != SEND_NO_RETAINED
                && !(subscription.retainHandling() == SEND_RETAINED_IF_NEW && existed);
    }

    private Uni<Void> dropExpired(List<Message> expired, long now) {
        if (expired.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        metrics.expired(expired.size());
        return Multi.createFrom().iterable(expired.stream().distinct().toList())
                .onItem().transformToUniAndConcatenate(message -> store.dropRetained(MessageMapping.toStored(message, now))
                        .invoke(() -> retained.drop(message)))
                .collect().last()
                .replaceWithVoid();
    }
}
