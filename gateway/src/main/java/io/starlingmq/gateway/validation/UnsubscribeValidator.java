package io.starlingmq.gateway.validation;

import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import java.util.ArrayList;
import java.util.List;

/** UNSUBSCRIBE rules the codec leaves to us: a non-empty list of well-formed filters, allowed properties. */
public final class UnsubscribeValidator {

    public FilterVerdict validate(MqttUnsubscribeMessage unsubscribe, boolean mqtt5) {
        List<String> filters = unsubscribe.payload().topics();
        if (filters.isEmpty()) {
            return FilterVerdict.rejectPacket(ReasonCode.PROTOCOL_ERROR);
        }
        if (mqtt5 && !PropertyRules.onlyAllowed(unsubscribe.idAndPropertiesVariableHeader().properties(),
                PropertyRules.UNSUBSCRIBE)) {
            return FilterVerdict.rejectPacket(ReasonCode.MALFORMED_PACKET);
        }
        List<Integer> codes = new ArrayList<>(filters.size());
        for (String filter : filters) {
            codes.add(TopicRules.validTopicFilter(filter) ? ReasonCode.SUCCESS : ReasonCode.TOPIC_FILTER_INVALID);
        }
        return FilterVerdict.perFilter(codes);
    }
}
