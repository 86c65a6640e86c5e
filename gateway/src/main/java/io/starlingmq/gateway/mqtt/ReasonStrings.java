package io.starlingmq.gateway.mqtt;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttProperties.StringProperty;
import java.util.Map;

/** Short human-readable Reason Strings for the refusals the gateway sends to MQTT 5 clients. */
final class ReasonStrings {

    private static final Map<Integer, String> TEXT = Map.ofEntries(
            Map.entry(0x80, "unspecified error"),
            Map.entry(0x81, "malformed packet"),
            Map.entry(0x82, "protocol error"),
            Map.entry(0x84, "unsupported protocol version"),
            Map.entry(0x85, "client identifier not valid"),
            Map.entry(0x86, "bad user name or password"),
            Map.entry(0x87, "not authorized"),
            Map.entry(0x88, "server unavailable"),
            Map.entry(0x89, "server busy"),
            Map.entry(0x8B, "server shutting down"),
            Map.entry(0x8C, "bad authentication method"),
            Map.entry(0x8D, "keep alive timeout"),
            Map.entry(0x8E, "session taken over"),
            Map.entry(0x8F, "topic filter invalid"),
            Map.entry(0x90, "topic name invalid"),
            Map.entry(0x92, "packet identifier not found"),
            Map.entry(0x93, "receive maximum exceeded"),
            Map.entry(0x94, "topic alias invalid"),
            Map.entry(0x95, "packet too large"),
            Map.entry(0x97, "quota exceeded"),
            Map.entry(0x99, "payload format invalid"),
            Map.entry(0x9E, "shared subscriptions not supported"),
            Map.entry(0xA0, "maximum connect time"));

    private ReasonStrings() {
    }

    /** The text for a reason code, or null when the gateway has none for it. */
    static String of(int reasonCode) {
        return TEXT.get(reasonCode);
    }

    /** Properties holding the Reason String for a reason code (none for success codes or unknown ones). */
    static MqttProperties properties(int reasonCode) {
        String text = reasonCode >= 0x80 ? of(reasonCode) : null;
        if (text == null) {
            return MqttProperties.NO_PROPERTIES;
        }
        MqttProperties properties = new MqttProperties();
        properties.add(new StringProperty(MqttPropertyType.REASON_STRING.value(), text));
        return properties;
    }
}
