package io.starlingmq.router.session;

import io.smallrye.mutiny.Uni;
import io.starlingmq.contract.link.v1.RouterEvent;
import io.starlingmq.contract.link.v1.Subscribe;
import io.starlingmq.contract.link.v1.SubscriptionRequest;
import io.starlingmq.contract.link.v1.Unsubscribe;
import io.starlingmq.router.events.RouterEvents;
import io.starlingmq.router.index.RetainedIndex;
import io.starlingmq.router.index.SessionDirectory;
import io.starlingmq.router.index.SubscriptionIndex;
import io.starlingmq.router.index.TopicFilter;
import io.starlingmq.router.link.GatewayLink;
import io.starlingmq.store.EnqueueResult;
import io.starlingmq.store.SessionStore;
import io.starlingmq.store.StoredMessage;
import io.starlingmq.store.Subscription;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** SUBSCRIBE and UNSUBSCRIBE: the store first, then the index, then the answer and retained messages. */
@ApplicationScoped
public class SubscriptionService {

    private static final Logger LOG = Logger.getLogger(SubscriptionService.class);
    private static final int MAX_GRANTED_QOS = 2;
    private static final int TOPIC_FILTER_INVALID = 0x8F;
    private static final int UNSPECIFIED_ERROR = 0x80;
    private static final int SUCCESS = 0x00;
    private static final int NO_SUBSCRIPTION_EXISTED = 0x11;

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
    RouterMetrics metrics;

    public Uni<Void> subscribe(GatewayLink link, Subscribe request) {
        String clientId = request.getClientId();
        long connectionId = request.getConnectionId();
        List<Integer> reasonCodes = new ArrayList<>();
        List<Subscription> accepted = new ArrayList<>();
        for (SubscriptionRequest wanted : request.getSubscriptionsList()) {
            if (!TopicFilter.isValid(wanted.getFilter())) {
                reasonCodes.add(TOPIC_FILTER_INVALID);
                continue;
            }
            int granted = Math.min(wanted.getQos(), MAX_GRANTED_QOS);
            reasonCodes.add(granted);
            accepted.add(Subscription.of(wanted.getFilter(), granted));
        }
        Uni<List<Boolean>> stored = accepted.isEmpty() ? Uni.createFrom().item(List.of())
                : store.subscribe(clientId, accepted);
        return stored
                .onItem().transformToUni(existed -> {
                    accepted.forEach(subscription -> index.add(clientId, subscription));
                    link.sender().send(RouterEvents.subscribed(connectionId, request.getPacketId(), reasonCodes));
                    return sendRetained(link, clientId, connectionId, accepted);
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.errorf(failure, "subscribe of %s failed", clientId);
                    List<Integer> failed = Collections.nCopies(reasonCodes.size(), UNSPECIFIED_ERROR);
                    link.sender().send(RouterEvents.subscribed(connectionId, request.getPacketId(), failed));
                    return null;
                });
    }

    public Uni<Void> unsubscribe(GatewayLink link, Unsubscribe request) {
        String clientId = request.getClientId();
        List<String> filters = request.getFiltersList();
        return store.unsubscribe(clientId, filters)
                .map(existed -> {
                    List<Integer> reasonCodes = new ArrayList<>(filters.size());
                    for (int i = 0; i < filters.size(); i++) {
                        index.remove(clientId, filters.get(i));
                        reasonCodes.add(existed.get(i) ? SUCCESS : NO_SUBSCRIPTION_EXISTED);
                    }
                    return reasonCodes;
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.errorf(failure, "unsubscribe of %s failed", clientId);
                    return Collections.nCopies(filters.size(), UNSPECIFIED_ERROR);
                })
                .invoke(codes -> link.sender().send(
                        RouterEvents.unsubscribed(request.getConnectionId(), request.getPacketId(), codes)))
                .replaceWithVoid();
    }

    /**
     * Retained messages matching the new subscriptions. A persistent session takes QoS > 0 ones through its
     * queue like any delivery (so they survive its connection); the rest go straight to the connection.
     */
    private Uni<Void> sendRetained(GatewayLink link, String clientId, long connectionId,
                                   List<Subscription> subscriptions) {
        SessionDirectory.Entry session = directory.get(clientId);
        boolean persistent = session != null && session.persistent();
        List<RouterEvent> direct = new ArrayList<>();
        List<StoredMessage> queued = new ArrayList<>();
        for (Subscription subscription : subscriptions) {
            for (StoredMessage message : retained.matching(subscription.filter())) {
                int qos = Math.min(message.qos(), subscription.qos());
                if (persistent && qos > 0) {
                    queued.add(message.withQos(qos).withRetain(true));
                } else {
                    direct.add(RouterEvents.directDelivery(connectionId, message, qos, true));
                }
            }
        }
        deliveries.send(link.gatewayId(), direct);
        if (queued.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return store.enqueue(Map.of(clientId, queued))
                .invoke(results -> {
                    EnqueueResult result = results.get(clientId);
                    if (result != null) {
                        metrics.dropped(result.dropped());
                        deliveries.sendQueued(result.holder(), result.assigned());
                    }
                })
                .replaceWithVoid();
    }
}
