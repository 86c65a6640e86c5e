package io.starlingmq.gateway.validation;

import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.starlingmq.contract.reason.DisconnectReason;
import io.starlingmq.contract.reason.UnsubackReason;
import java.util.ArrayList;
import java.util.List;

/** UNSUBSCRIBE rules the codec leaves to us: a non-empty list of well-formed filters, allowed properties. */
public final class UnsubscribeValidator {

    public FilterVerdict<UnsubackReason> validate(MqttUnsubscribeMessage unsubscribe, boolean mqtt5) {
        List<String> filters = unsubscribe.payload().topics();
        if (filters.isEmpty()) {
            return FilterVerdict.rejectPacket(DisconnectReason.PROTOCOL_ERROR);
        }
        if (mqtt5 && !PropertyRules.onlyAllowed(unsubscribe.idAndPropertiesVariableHeader().properties(),
                PropertyRules.UNSUBSCRIBE)) {
            return FilterVerdict.rejectPacket(DisconnectReason.MALFORMED_PACKET);
        }
        List<UnsubackReason> codes = new ArrayList<>(filters.size());
        for (String filter : filters) {
            codes.add(TopicRules.validTopicFilter(filter) ? UnsubackReason.SUCCESS : UnsubackReason.TOPIC_FILTER_INVALID);
        }
        return FilterVerdict.perFilter(codes);
    }
}
