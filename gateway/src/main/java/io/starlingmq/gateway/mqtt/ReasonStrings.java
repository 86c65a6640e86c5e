package io.starlingmq.gateway.mqtt;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttProperties.StringProperty;
import io.starlingmq.contract.reason.ReasonCode;
import java.util.Optional;

/** The Reason String property the gateway adds to the refusals it sends to MQTT 5 clients. */
final class ReasonStrings {

    private ReasonStrings() {
    }

    /** Properties holding the reason's text; none for a success code or a code sent without text. */
    static MqttProperties properties(ReasonCode reason) {
        return reason.isError() ? properties(reason.reasonString()) : MqttProperties.NO_PROPERTIES;
    }

    static MqttProperties properties(Optional<String> text) {
        if (text.isEmpty()) {
            return MqttProperties.NO_PROPERTIES;
        }
        MqttProperties properties = new MqttProperties();
        properties.add(new StringProperty(MqttPropertyType.REASON_STRING.value(), text.get()));
        return properties;
    }
}
