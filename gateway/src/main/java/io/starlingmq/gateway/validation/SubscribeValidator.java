package io.starlingmq.gateway.validation;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.starlingmq.contract.reason.DisconnectReason;
import io.starlingmq.contract.reason.SubackReason;
import java.util.ArrayList;
import java.util.List;

/**
 * SUBSCRIBE rules the codec leaves to us: a non-empty list of well-formed filters within the configured
 * limits, allowed properties, a valid Subscription Identifier, no No Local on a shared subscription.
 */
public final class SubscribeValidator {

    /** Largest Subscription Identifier (5.0 §3.8.2.1.2: a Variable Byte Integer of 1 to 268,435,455). */
    public static final long MAX_SUBSCRIPTION_IDENTIFIER = 268_435_455L;

    private final TopicLimits limits;

    public SubscribeValidator(TopicLimits limits) {
        this.limits = limits;
    }

    public FilterVerdict<SubackReason> validate(MqttSubscribeMessage subscribe, boolean mqtt5) {
        List<MqttTopicSubscription> subscriptions = subscribe.payload().topicSubscriptions();
        if (subscriptions.isEmpty()) {
            return FilterVerdict.rejectPacket(DisconnectReason.PROTOCOL_ERROR);
        }
        MqttProperties properties = subscribe.idAndPropertiesVariableHeader().properties();
        if (mqtt5 && !PropertyRules.onlyAllowed(properties, PropertyRules.SUBSCRIBE)) {
            return FilterVerdict.rejectPacket(DisconnectReason.MALFORMED_PACKET);
        }
        if (mqtt5 && !validSubscriptionIdentifier(properties)) {
            return FilterVerdict.rejectPacket(DisconnectReason.PROTOCOL_ERROR);
        }
        List<SubackReason> codes = new ArrayList<>(subscriptions.size());
        for (MqttTopicSubscription subscription : subscriptions) {
            String filter = subscription.topicFilter();
            boolean valid = TopicRules.validTopicFilter(filter) && limits.allowsFilter(filter);
            if (valid && mqtt5 && TopicRules.isShared(filter) && subscription.option().isNoLocal()) {
                // [MQTT-3.8.3-4] No Local on a shared subscription is a Protocol Error.
                return FilterVerdict.rejectPacket(DisconnectReason.PROTOCOL_ERROR);
            }
            // Granted QoS 0 marks a filter as accepted here: the router's answer replaces it.
            codes.add(valid ? SubackReason.GRANTED_QOS_0 : SubackReason.TOPIC_FILTER_INVALID);
        }
        return FilterVerdict.perFilter(codes);
    }

    /** At most one Subscription Identifier, and not 0 (5.0 §3.8.2.1.2). */
    private static boolean validSubscriptionIdentifier(MqttProperties properties) {
        if (properties == null) {
            return true;
        }
        List<? extends MqttProperties.MqttProperty> ids =
                properties.getProperties(MqttPropertyType.SUBSCRIPTION_IDENTIFIER.value());
        if (ids.size() > 1) {
            return false;
        }
        long id = subscriptionIdentifier(properties);
        return id != 0 && id <= MAX_SUBSCRIPTION_IDENTIFIER;
    }

    /** The SUBSCRIBE's Subscription Identifier, -1 when it carries none. */
    public static long subscriptionIdentifier(MqttProperties properties) {
        return PropertyRules.intValue(properties, MqttPropertyType.SUBSCRIPTION_IDENTIFIER, -1);
    }
}
