package io.starlingmq.gateway.mqtt;

import com.google.protobuf.ByteString;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.starlingmq.contract.link.v1.MessageProperties;
import io.starlingmq.contract.link.v1.UserProperty;

/** Converts the MQTT 5 properties that travel with a message between the codec and the contract. */
final class MessageMapping {

    private MessageMapping() {
    }

    static MessageProperties fromMqtt(MqttProperties properties) {
        MessageProperties.Builder builder = MessageProperties.newBuilder();
        for (MqttProperties.MqttProperty<?> property : properties.listAll()) {
            switch (MqttPropertyType.valueOf(property.propertyId())) {
                case PAYLOAD_FORMAT_INDICATOR -> builder.setPayloadFormatIndicator((Integer) property.value());
                case PUBLICATION_EXPIRY_INTERVAL -> builder.setMessageExpiryInterval((Integer) property.value());
                case CONTENT_TYPE -> builder.setContentType((String) property.value());
                case RESPONSE_TOPIC -> builder.setResponseTopic((String) property.value());
                case CORRELATION_DATA -> builder.setCorrelationData(ByteString.copyFrom((byte[]) property.value()));
                case USER_PROPERTY -> addUserProperties(builder, property);
                default -> {
                    // Topic alias is resolved by the gateway and never travels with the message.
                }
            }
        }
        return builder.build();
    }

    private static void addUserProperties(MessageProperties.Builder builder, MqttProperties.MqttProperty<?> property) {
        if (property instanceof MqttProperties.UserProperties all) {
            for (MqttProperties.StringPair pair : all.value()) {
                builder.addUserProperties(UserProperty.newBuilder().setKey(pair.key).setValue(pair.value));
            }
        } else if (property instanceof MqttProperties.UserProperty one) {
            builder.addUserProperties(UserProperty.newBuilder().setKey(one.value().key).setValue(one.value().value));
        }
    }

    static MqttProperties toMqtt(MessageProperties message) {
        MqttProperties properties = new MqttProperties();
        if (message.hasPayloadFormatIndicator()) {
            properties.add(new MqttProperties.IntegerProperty(MqttPropertyType.PAYLOAD_FORMAT_INDICATOR.value(),
                    message.getPayloadFormatIndicator()));
        }
        if (message.hasMessageExpiryInterval()) {
            properties.add(new MqttProperties.IntegerProperty(MqttPropertyType.PUBLICATION_EXPIRY_INTERVAL.value(),
                    message.getMessageExpiryInterval()));
        }
        if (!message.getContentType().isEmpty()) {
            properties.add(new MqttProperties.StringProperty(MqttPropertyType.CONTENT_TYPE.value(),
                    message.getContentType()));
        }
        if (!message.getResponseTopic().isEmpty()) {
            properties.add(new MqttProperties.StringProperty(MqttPropertyType.RESPONSE_TOPIC.value(),
                    message.getResponseTopic()));
        }
        if (!message.getCorrelationData().isEmpty()) {
            properties.add(new MqttProperties.BinaryProperty(MqttPropertyType.CORRELATION_DATA.value(),
                    message.getCorrelationData().toByteArray()));
        }
        for (UserProperty user : message.getUserPropertiesList()) {
            properties.add(new MqttProperties.UserProperty(user.getKey(), user.getValue()));
        }
        return properties;
    }
}
