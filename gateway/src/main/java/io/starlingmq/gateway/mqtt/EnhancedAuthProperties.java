package io.starlingmq.gateway.mqtt;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;

/** Reads the MQTT 5 Authentication Method and Authentication Data properties of CONNECT and AUTH. */
final class EnhancedAuthProperties {

    private EnhancedAuthProperties() {
    }

    /** The Authentication Method, or null. */
    static String method(MqttProperties properties) {
        MqttProperties.MqttProperty<?> method = properties == null ? null
                : properties.getProperty(MqttPropertyType.AUTHENTICATION_METHOD.value());
        return method == null ? null : (String) method.value();
    }

    /** The Authentication Data, or null. */
    static byte[] data(MqttProperties properties) {
        MqttProperties.MqttProperty<?> data = properties == null ? null
                : properties.getProperty(MqttPropertyType.AUTHENTICATION_DATA.value());
        return data == null ? null : (byte[]) data.value();
    }

    /** Properties holding just this Authentication Method. */
    static MqttProperties withMethod(String method) {
        MqttProperties properties = new MqttProperties();
        properties.add(new MqttProperties.StringProperty(MqttPropertyType.AUTHENTICATION_METHOD.value(), method));
        return properties;
    }
}
