package io.starlingmq.gateway.validation;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.starlingmq.contract.reason.PubackReason;
import java.nio.charset.StandardCharsets;

/**
 * Rules about what a well-formed PUBLISH says rather than its form: the topic within the configured
 * limits, and a payload that claims to be UTF-8 (Payload Format Indicator 1) being UTF-8. A refusal is
 * answered per message (PUBACK/PUBREC 0x90 or 0x99, which 5.0 §3.4.2.1 allows), the connection stays.
 */
public final class PublishContentRules {

    private final TopicLimits limits;

    public PublishContentRules(TopicLimits limits) {
        this.limits = limits;
    }

    /** SUCCESS, TOPIC_NAME_INVALID or PAYLOAD_FORMAT_INVALID, for the resolved topic. */
    public PubackReason check(String topic, MqttPublishMessage publish, boolean mqtt5) {
        if (!limits.allowsTopic(topic)) {
            return PubackReason.TOPIC_NAME_INVALID;
        }
        if (mqtt5 && PropertyRules.intValue(publish.variableHeader().properties(),
                MqttPropertyType.PAYLOAD_FORMAT_INDICATOR, 0) == 1
                && !ByteBufUtil.isText(publish.payload(), StandardCharsets.UTF_8)) {
            // [MQTT-3.3.2-4] the payload must be UTF-8 when the indicator says so
            return PubackReason.PAYLOAD_FORMAT_INVALID;
        }
        return PubackReason.SUCCESS;
    }
}
