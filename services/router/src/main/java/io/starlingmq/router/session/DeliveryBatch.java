package io.starlingmq.router.session;

import io.starlingmq.contract.link.v1.Message;
import io.starlingmq.contract.link.v1.RouterEvent;
import io.starlingmq.router.events.MessageMapping;
import io.starlingmq.router.events.RouterEvents;
import io.starlingmq.router.index.SessionDirectory;
import io.starlingmq.router.routing.AddressedMessage;
import io.starlingmq.store.StoredMessage;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects addressed deliveries: QoS > 0 ones of persistent sessions go to their queues (one store call for
 * the batch), the rest straight to the gateway that holds the session (one send per gateway). A message
 * queued for several sessions becomes the store's record once.
 */
final class DeliveryBatch {

    enum Route {
        QUEUED, SENT, NOWHERE
    }

    private final SessionDirectory directory;
    private final long nowMillis;
    private final Map<String, List<StoredMessage>> toQueue = new LinkedHashMap<>();
    private final Map<Message, StoredMessage> recordOf = new IdentityHashMap<>();
    private final Map<String, List<RouterEvent>> directByGateway = new LinkedHashMap<>();

    DeliveryBatch(SessionDirectory directory, long nowMillis) {
        this.directory = directory;
        this.nowMillis = nowMillis;
    }

    /** Adds one delivery to session {@code clientId}; answers where it goes. */
    Route add(String clientId, AddressedMessage addressed) {
        SessionDirectory.Entry session = directory.get(clientId);
        if (session == null) {
            return Route.NOWHERE;
        }
        if (session.persistent() && addressed.qos() > 0) {
            StoredMessage record = recordOf.computeIfAbsent(addressed.message(),
                    message -> MessageMapping.toStored(message, nowMillis));
            toQueue.computeIfAbsent(clientId, c -> new ArrayList<>()).add(MessageMapping.toStored(record, addressed));
            return Route.QUEUED;
        }
        if (session.online()) {
            directByGateway.computeIfAbsent(session.holder().gatewayId(), g -> new ArrayList<>())
                    .add(RouterEvents.directDelivery(session.holder().connectionId(), addressed));
            return Route.SENT;
        }
        return Route.NOWHERE;
    }

    /** Sends the direct deliveries; answers the messages to queue, per persistent session, in order. */
    Map<String, List<StoredMessage>> sendDirect(Deliveries deliveries) {
        directByGateway.forEach(deliveries::send);
        return toQueue;
    }
}
