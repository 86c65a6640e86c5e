package io.starlingmq.gateway.validation;

import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import java.util.ArrayList;
import java.util.List;

/** SUBSCRIBE rules the codec leaves to us: a non-empty list of well-formed filters, allowed properties. */
public final class SubscribeValidator {

    public FilterVerdict validate(MqttSubscribeMessage subscribe, boolean mqtt5) {
        List<MqttTopicSubscription> subscriptions = subscribe.payload().topicSubscriptions();
        if (subscriptions.isEmpty()) {
            return FilterVerdict.rejectPacket(ReasonCode.PROTOCOL_ERROR);
        }
        if (mqtt5 && !PropertyRules.onlyAllowed(subscribe.idAndPropertiesVariableHeader().properties(),
                PropertyRules.SUBSCRIBE)) {
            return FilterVerdict.rejectPacket(ReasonCode.MALFORMED_PACKET);
        }
        List<Integer> codes = new ArrayList<>(subscriptions.size());
        for (MqttTopicSubscription subscription : subscriptions) {
            codes.add(TopicRules.validTopicFilter(subscription.topicFilter())
                    ? ReasonCode.SUCCESS : ReasonCode.TOPIC_FILTER_INVALID);
        }
        return FilterVerdict.perFilter(codes);
    }
}
