package io.starlingmq.router.routing;

import io.starlingmq.contract.link.v1.Message;

import java.util.List;

/**
 * A message addressed to one session: the message as routed (shared by every session it goes to, payload and
 * all) and what this session gets it with.
 *
 * @param qos                 min(message QoS, granted QoS of the matching subscriptions)
 * @param retain              whether it is sent with RETAIN set
 * @param subscriptionIds     Subscription Identifiers of the matching subscriptions (MQTT 5)
 * @param sharedSubscription  the shared subscription ("$share/{group}/{filter}") it goes through, or null
 */
public record AddressedMessage(Message message, int qos, boolean retain, List<Integer> subscriptionIds,
                               String sharedSubscription) {

    public AddressedMessage {
        subscriptionIds = subscriptionIds == null ? List.of() : List.copyOf(subscriptionIds);
    }
}
