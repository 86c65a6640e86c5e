package io.starlingmq.gateway.validation;

import static io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType.*;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which MQTT 5 properties a client may put in each packet (5.0 §2.2.2.2). The codec decodes any known
 * property in any packet, so this check is ours.
 */
public final class PropertyRules {

    static final Set<MqttPropertyType> CONNECT = EnumSet.of(SESSION_EXPIRY_INTERVAL, RECEIVE_MAXIMUM,
            MAXIMUM_PACKET_SIZE, TOPIC_ALIAS_MAXIMUM, REQUEST_RESPONSE_INFORMATION, REQUEST_PROBLEM_INFORMATION,
            USER_PROPERTY, AUTHENTICATION_METHOD, AUTHENTICATION_DATA);
    static final Set<MqttPropertyType> WILL = EnumSet.of(WILL_DELAY_INTERVAL, PAYLOAD_FORMAT_INDICATOR,
            PUBLICATION_EXPIRY_INTERVAL, CONTENT_TYPE, RESPONSE_TOPIC, CORRELATION_DATA, USER_PROPERTY);
    static final Set<MqttPropertyType> PUBLISH = EnumSet.of(PAYLOAD_FORMAT_INDICATOR, PUBLICATION_EXPIRY_INTERVAL,
            TOPIC_ALIAS, RESPONSE_TOPIC, CORRELATION_DATA, USER_PROPERTY, CONTENT_TYPE);
    static final Set<MqttPropertyType> SUBSCRIBE = EnumSet.of(SUBSCRIPTION_IDENTIFIER, USER_PROPERTY);
    static final Set<MqttPropertyType> UNSUBSCRIBE = EnumSet.of(USER_PROPERTY);
    public static final Set<MqttPropertyType> DISCONNECT = EnumSet.of(SESSION_EXPIRY_INTERVAL, REASON_STRING,
            USER_PROPERTY, SERVER_REFERENCE);
    public static final Set<MqttPropertyType> PUBACK = EnumSet.of(REASON_STRING, USER_PROPERTY);

    private PropertyRules() {
    }

    public static boolean onlyAllowed(MqttProperties properties, Set<MqttPropertyType> allowed) {
        if (properties == null) {
            return true;
        }
        for (MqttProperties.MqttProperty<?> property : properties.listAll()) {
            if (!allowed.contains(MqttPropertyType.valueOf(property.propertyId()))) {
                return false;
            }
        }
        return true;
    }

    /** The integer value of a property, or the fallback when absent. */
    public static long intValue(MqttProperties properties, MqttPropertyType type, long fallback) {
        if (properties == null) {
            return fallback;
        }
        MqttProperties.MqttProperty<?> property = properties.getProperty(type.value());
        if (property == null || !(property.value() instanceof Integer value)) {
            return fallback;
        }
        return Integer.toUnsignedLong(value);
    }
}
