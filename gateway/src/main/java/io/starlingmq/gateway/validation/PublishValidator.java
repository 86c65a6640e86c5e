package io.starlingmq.gateway.validation;

import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;

/**
 * PUBLISH rules the codec leaves to us. Returns an MQTT 5 DISCONNECT reason code, SUCCESS when the
 * packet is acceptable; a 3.1.1 connection is simply closed on any violation.
 */
public final class PublishValidator {

    public int validate(MqttPublishMessage publish, boolean mqtt5) {
        if (mqtt5 && publish.variableHeader().properties()
                .getProperty(MqttPropertyType.TOPIC_ALIAS.value()) != null) {
            // The gateway announces Topic Alias Maximum 0 (the default), so any alias is out of range.
            return ReasonCode.TOPIC_ALIAS_INVALID;
        }
        if (!TopicRules.validTopicName(publish.variableHeader().topicName())) {
            return ReasonCode.TOPIC_NAME_INVALID;
        }
        if (mqtt5 && !PropertyRules.onlyAllowed(publish.variableHeader().properties(), PropertyRules.PUBLISH)) {
            return ReasonCode.MALFORMED_PACKET;
        }
        return ReasonCode.SUCCESS;
    }
}
