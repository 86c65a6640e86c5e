package io.starlingmq.gateway.transport;

import com.google.protobuf.ByteString;
import io.starlingmq.contract.link.v1.Deliver;
import io.starlingmq.contract.link.v1.GatewayEvent;
import io.starlingmq.contract.link.v1.Message;
import io.starlingmq.contract.link.v1.RouterEvent;
import io.starlingmq.gateway.support.TestRouter;

/** Router-side steps of a message exchange: what the router saw published, and a delivery it sends. */
final class Deliveries {

    private Deliveries() {
    }

    /** A QoS 1 delivery the gateway numbers itself (packet id 0). */
    static RouterEvent deliver(long connectionId, String topic, String payload) {
        return RouterEvent.newBuilder().setDeliver(Deliver.newBuilder()
                .setConnectionId(connectionId)
                .setMessage(Message.newBuilder().setTopic(topic).setQos(1).setPayload(ByteString.copyFromUtf8(payload)))
                .setQos(1)).build();
    }

    static boolean published(TestRouter router, String clientId, String topic, String payload) {
        return !router.events(event -> isPublish(event, clientId, topic, payload)).isEmpty();
    }

    static boolean subscribed(TestRouter router, String clientId) {
        long connectionId = router.connectionIdOf(clientId);
        return !router.events(event -> event.hasSubscribe()
                && event.getSubscribe().getConnectionId() == connectionId).isEmpty();
    }

    private static boolean isPublish(GatewayEvent event, String clientId, String topic, String payload) {
        return event.hasPublish()
                && event.getPublish().getClientId().equals(clientId)
                && event.getPublish().getMessage().getTopic().equals(topic)
                && event.getPublish().getMessage().getPayload().toStringUtf8().equals(payload);
    }
}
