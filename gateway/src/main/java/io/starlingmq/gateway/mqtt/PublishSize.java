package io.starlingmq.gateway.mqtt;

import com.google.common.base.Utf8;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;

/**
 * The encoded size of a PUBLISH, computed without encoding it: a delivery is checked against the
 * client's Maximum Packet Size before a packet id or a topic alias is spent on it. Netty's encoder
 * offers no size without writing the packet, and encoding every delivery twice would cost an allocation
 * and a copy each.
 */
final class PublishSize {

    private PublishSize() {
    }

    /** Whole packet size in bytes: fixed header, variable header and payload (MQTT 5.0 §2.1). */
    static long of(String topic, boolean hasPacketId, MqttProperties properties, boolean mqtt5, int payloadLength) {
        long remaining = 2L + Utf8.encodedLength(topic) + (hasPacketId ? 2 : 0) + payloadLength;
        if (mqtt5) {
            long propertyLength = propertiesLength(properties);
            remaining += variableByteIntegerSize(propertyLength) + propertyLength;
        }
        return 1 + variableByteIntegerSize(remaining) + remaining;
    }

    static long propertiesLength(MqttProperties properties) {
        long length = 0;
        for (MqttProperties.MqttProperty<?> property : properties.listAll()) {
            length += propertyLength(property);
        }
        return length;
    }

    private static long propertyLength(MqttProperties.MqttProperty<?> property) {
        if (property instanceof MqttProperties.UserProperties all) {
            long length = 0;
            for (MqttProperties.StringPair pair : all.value()) {
                length += 1 + 2 + Utf8.encodedLength(pair.key) + 2 + Utf8.encodedLength(pair.value);
            }
            return length;
        }
        if (property instanceof MqttProperties.UserProperty one) {
            return 1 + 2 + Utf8.encodedLength(one.value().key) + 2 + Utf8.encodedLength(one.value().value);
        }
        // Every property identifier of MQTT 5 is below 128: one byte.
        return 1 + switch (MqttPropertyType.valueOf(property.propertyId())) {
            case PAYLOAD_FORMAT_INDICATOR, REQUEST_PROBLEM_INFORMATION, REQUEST_RESPONSE_INFORMATION,
                 MAXIMUM_QOS, RETAIN_AVAILABLE, WILDCARD_SUBSCRIPTION_AVAILABLE,
                 SUBSCRIPTION_IDENTIFIER_AVAILABLE, SHARED_SUBSCRIPTION_AVAILABLE -> 1;
            case SERVER_KEEP_ALIVE, RECEIVE_MAXIMUM, TOPIC_ALIAS_MAXIMUM, TOPIC_ALIAS -> 2;
            case PUBLICATION_EXPIRY_INTERVAL, SESSION_EXPIRY_INTERVAL, WILL_DELAY_INTERVAL, MAXIMUM_PACKET_SIZE -> 4;
            case SUBSCRIPTION_IDENTIFIER -> variableByteIntegerSize((Integer) property.value());
            case CORRELATION_DATA, AUTHENTICATION_DATA -> 2 + ((byte[]) property.value()).length;
            default -> 2 + Utf8.encodedLength((String) property.value());
        };
    }

    static int variableByteIntegerSize(long value) {
        int size = 1;
        while (value >= 128) {
            value >>= 7;
            size++;
        }
        return size;
    }
}
