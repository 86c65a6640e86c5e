package io.starlingmq.router.events;

import io.starlingmq.contract.link.v1.Deliver;
import io.starlingmq.contract.link.v1.Kick;
import io.starlingmq.contract.link.v1.RebalanceNow;
import io.starlingmq.contract.link.v1.RouterLeaving;
import io.starlingmq.contract.link.v1.Message;
import io.starlingmq.contract.link.v1.PublishDone;
import io.starlingmq.contract.link.v1.ReleaseDone;
import io.starlingmq.contract.link.v1.RouterEvent;
import io.starlingmq.contract.link.v1.SessionOpened;
import io.starlingmq.contract.link.v1.Subscribed;
import io.starlingmq.contract.link.v1.Unsubscribed;
import io.starlingmq.contract.reason.ConnackReason;
import io.starlingmq.contract.reason.DisconnectReason;
import io.starlingmq.contract.reason.PubackReason;
import io.starlingmq.contract.reason.PubcompReason;
import io.starlingmq.contract.reason.ReasonCode;
import io.starlingmq.contract.reason.SubackReason;
import io.starlingmq.contract.reason.UnsubackReason;
import io.starlingmq.router.routing.AddressedMessage;
import io.starlingmq.router.routing.MessageExpiry;
import io.starlingmq.store.QueuedDelivery;

import java.util.ArrayList;
import java.util.List;

/** Builds the events the router sends to gateways; reason codes become the contract's integers here. */
public final class RouterEvents {

    private RouterEvents() {
    }

    public static RouterEvent sessionOpened(long connectionId, boolean sessionPresent, ConnackReason reason) {
        return RouterEvent.newBuilder().setSessionOpened(SessionOpened.newBuilder()
                .setConnectionId(connectionId).setSessionPresent(sessionPresent).setReasonCode(reason.code())).build();
    }

    public static RouterEvent subscribed(long connectionId, int packetId, List<SubackReason> reasons) {
        return RouterEvent.newBuilder().setSubscribed(Subscribed.newBuilder()
                .setConnectionId(connectionId).setPacketId(packetId).addAllReasonCodes(codes(reasons))).build();
    }

    public static RouterEvent unsubscribed(long connectionId, int packetId, List<UnsubackReason> reasons) {
        return RouterEvent.newBuilder().setUnsubscribed(Unsubscribed.newBuilder()
                .setConnectionId(connectionId).setPacketId(packetId).addAllReasonCodes(codes(reasons))).build();
    }

    /** A QoS 1 publish is answered PUBACK, a QoS 2 one PUBREC: the two packets share their codes. */
    public static RouterEvent publishDone(long connectionId, int packetId, PubackReason reason) {
        return RouterEvent.newBuilder().setPublishDone(PublishDone.newBuilder()
                .setConnectionId(connectionId).setPacketId(packetId).setReasonCode(reason.code())).build();
    }

    public static RouterEvent releaseDone(long connectionId, int packetId, PubcompReason reason) {
        return RouterEvent.newBuilder().setReleaseDone(ReleaseDone.newBuilder()
                .setConnectionId(connectionId).setPacketId(packetId).setReasonCode(reason.code())).build();
    }

    /** Tells the gateway to send PUBREL for a QoS 2 delivery the store holds as released. */
    public static RouterEvent release(long connectionId, int packetId) {
        return RouterEvent.newBuilder().setDeliver(Deliver.newBuilder()
                .setConnectionId(connectionId).setQos(2).setPacketId(packetId).setDup(true).setRelease(true)).build();
    }

    /** A takeover: another connection took this one's session (0x8E). */
    /** An operator's request for a rebalance round now, for a gateway's link (no connection's). */
    public static RouterEvent routerLeaving() {
        return RouterEvent.newBuilder().setRouterLeaving(RouterLeaving.getDefaultInstance()).build();
    }

    public static RouterEvent rebalanceNow() {
        return RouterEvent.newBuilder().setRebalanceNow(RebalanceNow.getDefaultInstance()).build();
    }

    public static RouterEvent kick(long connectionId) {
        return kick(connectionId, DisconnectReason.SESSION_TAKEN_OVER);
    }

    /** The gateway ends the connection with {@code reason} (MQTT 5 DISCONNECT; 3.1.1: closed). */
    public static RouterEvent kick(long connectionId, DisconnectReason reason) {
        return RouterEvent.newBuilder().setKick(Kick.newBuilder()
                .setConnectionId(connectionId).setReasonCode(reason.code())).build();
    }

    /**
     * A delivery the gateway numbers itself (clean session or QoS 0): packet id 0. {@code addressed} carries
     * the QoS, retain flag, Subscription Identifiers and shared subscription of this delivery.
     */
    public static RouterEvent directDelivery(long connectionId, AddressedMessage addressed) {
        return deliver(connectionId, addressed, 0, false);
    }

    /** A delivery the store numbered; the queued message is addressed like a direct one. */
    public static RouterEvent queuedDelivery(long connectionId, QueuedDelivery delivery) {
        if (delivery.released()) {
            return release(connectionId, delivery.packetId());
        }
        return deliver(connectionId, MessageMapping.toAddressed(delivery.message()), delivery.packetId(),
                delivery.dup());
    }

    public static List<RouterEvent> queuedDeliveries(long connectionId, List<QueuedDelivery> deliveries) {
        return deliveries.stream().map(d -> queuedDelivery(connectionId, d)).toList();
    }

    private static List<Integer> codes(List<? extends ReasonCode> reasons) {
        List<Integer> codes = new ArrayList<>(reasons.size());
        for (ReasonCode reason : reasons) {
            codes.add(reason.code());
        }
        return codes;
    }

    private static RouterEvent deliver(long connectionId, AddressedMessage addressed, int packetId, boolean dup) {
        Deliver.Builder deliver = Deliver.newBuilder()
                .setConnectionId(connectionId)
                .setMessage(delivered(addressed, System.currentTimeMillis()))
                .setQos(addressed.qos())
                .setPacketId(packetId)
                .setDup(dup)
                .setRetained(addressed.retain())
                .addAllSubscriptionIdentifiers(addressed.subscriptionIds());
        if (addressed.sharedSubscription() != null) {
            deliver.setSharedSubscription(addressed.sharedSubscription());
        }
        return RouterEvent.newBuilder().setDeliver(deliver).build();
    }

    /**
     * The message of a Deliver carries the delivery's QoS and retain flag too, so a gateway handing it back
     * (a shared delivery) returns it as delivered; the one routed message is shared when they are the same.
     */
    private static Message delivered(AddressedMessage addressed, long nowMillis) {
        Message message = MessageExpiry.delivered(addressed.message(), nowMillis);
        if (message.getQos() == addressed.qos() && message.getRetain() == addressed.retain()) {
            return message;
        }
        return message.toBuilder().setQos(addressed.qos()).setRetain(addressed.retain()).build();
    }
}
