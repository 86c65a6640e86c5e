package io.starlingmq.gateway.validation;

import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.starlingmq.contract.reason.DisconnectReason;
import java.util.Optional;

/**
 * PUBLISH rules the codec leaves to us, about the packet's form. Returns the MQTT 5 DISCONNECT reason,
 * empty when the packet is acceptable; a 3.1.1 connection is simply closed on any violation.
 */
public final class PublishValidator {

    /** Topic Alias Maximum the gateway announced (0 = none, so any alias is out of range). */
    private final int topicAliasMaximum;

    public PublishValidator(int topicAliasMaximum) {
        this.topicAliasMaximum = topicAliasMaximum;
    }

    public Optional<DisconnectReason> validate(MqttPublishMessage publish, boolean mqtt5) {
        String topic = publish.variableHeader().topicName();
        if (mqtt5 && !PropertyRules.onlyAllowed(publish.variableHeader().properties(), PropertyRules.PUBLISH)) {
            return Optional.of(DisconnectReason.MALFORMED_PACKET);
        }
        int alias = mqtt5 ? topicAlias(publish) : 0;
        if (alias != 0 && (alias < 1 || alias > topicAliasMaximum)) {
            // [MQTT-3.3.2-8] alias 0 or above the announced maximum
            return Optional.of(DisconnectReason.TOPIC_ALIAS_INVALID);
        }
        if (topic.isEmpty()) {
            // 5.0 §3.3.2.1: an empty Topic Name without a Topic Alias is a Protocol Error.
            return alias != 0 ? Optional.empty()
                    : Optional.of(mqtt5 ? DisconnectReason.PROTOCOL_ERROR : DisconnectReason.TOPIC_NAME_INVALID);
        }
        if (!TopicRules.validTopicName(topic)) {
            return Optional.of(DisconnectReason.TOPIC_NAME_INVALID);
        }
        return Optional.empty();
    }

    /** The PUBLISH's Topic Alias; -1 for the value 0 (which the property may carry but is invalid), 0 when absent. */
    public static int topicAlias(MqttPublishMessage publish) {
        long alias = PropertyRules.intValue(publish.variableHeader().properties(), MqttPropertyType.TOPIC_ALIAS, 0);
        boolean present = publish.variableHeader().properties().getProperty(MqttPropertyType.TOPIC_ALIAS.value()) != null;
        return present && alias == 0 ? -1 : (int) alias;
    }
}
