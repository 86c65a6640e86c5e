package io.starlingmq.gateway.mqtt;

import io.netty.handler.codec.mqtt.MqttSubscriptionOption;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.starlingmq.contract.link.v1.SubscriptionRequest;

/** One SUBSCRIBE entry as the router gets it: the filter as subscribed, its QoS and MQTT 5 options. */
final class SubscriptionRequests {

    private SubscriptionRequests() {
    }

    /** {@code subscriptionIdentifier} is the SUBSCRIBE's, 0 when it has none; 3.1.1 options are all defaults. */
    static SubscriptionRequest of(MqttTopicSubscription subscription, int subscriptionIdentifier) {
        MqttSubscriptionOption option = subscription.option();
        return SubscriptionRequest.newBuilder()
                .setFilter(subscription.topicFilter())
                .setQos(option.qos().value())
                .setNoLocal(option.isNoLocal())
                .setRetainAsPublished(option.isRetainAsPublished())
                .setRetainHandling(option.retainHandling().value())
                .setSubscriptionIdentifier(subscriptionIdentifier)
                .build();
    }
}
