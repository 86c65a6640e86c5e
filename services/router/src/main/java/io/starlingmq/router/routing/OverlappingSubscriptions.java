package io.starlingmq.router.routing;

import io.starlingmq.contract.link.v1.Message;
import io.starlingmq.router.index.Matches;
import io.starlingmq.store.Subscription;

import java.util.ArrayList;
import java.util.List;

/**
 * Addresses a message to one session: its matching subscriptions become one delivery.
 *
 * <p>The rule for a session with several matching (non-shared) subscriptions: one delivery
 * [MQTT-3.3.4-2]: QoS = min(message QoS, highest granted QoS among them); Subscription Identifiers of all of
 * them [MQTT-3.3.4-3/4]; RETAIN kept when any of them has Retain As Published [MQTT-3.3.1-12/13]. No Local
 * is a property of one subscription [MQTT-3.8.3-3]: a No Local subscription does not take part when the
 * publisher is the session itself, but another matching subscription without No Local still delivers.
 */
public final class OverlappingSubscriptions {

    private OverlappingSubscriptions() {
    }

    /** The delivery for session {@code clientId}, or null when every matching subscription is No Local for it. */
    public static AddressedMessage address(Message message, String publisher, String clientId,
                                           List<Subscription> matching) {
        boolean ownMessage = clientId.equals(publisher);
        int grantedQos = -1;
        boolean retainAsPublished = false;
        List<Integer> identifiers = new ArrayList<>();
        for (Subscription subscription : matching) {
            if (ownMessage && subscription.noLocal()) {
                continue;
            }
            grantedQos = Math.max(grantedQos, subscription.qos());
            retainAsPublished |= subscription.retainAsPublished();
            if (subscription.subscriptionId() > 0 && !identifiers.contains(subscription.subscriptionId())) {
                identifiers.add(subscription.subscriptionId());
            }
        }
        if (grantedQos < 0) {
            return null;
        }
        return new AddressedMessage(message, Math.min(message.getQos(), grantedQos),
                message.getRetain() && retainAsPublished, identifiers, null);
    }

    /** The delivery to the chosen member of a shared group (No Local does not apply to shared subscriptions). */
    public static AddressedMessage addressShared(Message message, String group, Matches.Member member) {
        return readdressShared(new AddressedMessage(message, message.getQos(), message.getRetain(), List.of(), null),
                group, member);
    }

    /**
     * A shared delivery another member could not take, addressed to the chosen member instead: its QoS and
     * retain flag can only go down from what it was addressed with.
     */
    public static AddressedMessage readdressShared(AddressedMessage delivery, String group, Matches.Member member) {
        Subscription subscription = member.subscription();
        return new AddressedMessage(delivery.message(), Math.min(delivery.qos(), subscription.qos()),
                delivery.retain() && subscription.retainAsPublished(), identifiers(subscription), group);
    }

    /** A retained message sent on subscribe: RETAIN set, the subscription's identifier [MQTT-3.3.1-9]. */
    public static AddressedMessage addressRetained(Message retained, Subscription subscription) {
        return new AddressedMessage(retained, Math.min(retained.getQos(), subscription.qos()), true,
                identifiers(subscription), null);
    }

    private static List<Integer> identifiers(Subscription subscription) {
        return subscription.subscriptionId() > 0 ? List.of(subscription.subscriptionId()) : List.of();
    }
}
