package io.starlingmq.bench.netty;

import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttProperties;

/**
 * What the broker's CONNACK says: its reason code and, for MQTT 5, the limits it sets this client.
 *
 * @param receiveMaximum QoS 1/2 publishes this client may have unacknowledged; 65,535 when the broker
 *        announces none (5.0 §3.2.2.3.3), and for MQTT 3.1.1
 * @param serverKeepAlive the keep-alive the broker imposes in seconds, or -1 when it keeps the client's
 */
record ServerGrant(int reasonCode, boolean sessionPresent, int receiveMaximum, int serverKeepAlive) {

    static final int DEFAULT_RECEIVE_MAXIMUM = 65_535;
    static final int NO_SERVER_KEEP_ALIVE = -1;

    static ServerGrant of(MqttConnAckMessage connack) {
        MqttProperties properties = connack.variableHeader().properties();
        return new ServerGrant(connack.variableHeader().connectReturnCode().byteValue() & 0xFF,
                connack.variableHeader().isSessionPresent(),
                intProperty(properties, MqttProperties.MqttPropertyType.RECEIVE_MAXIMUM, DEFAULT_RECEIVE_MAXIMUM),
                intProperty(properties, MqttProperties.MqttPropertyType.SERVER_KEEP_ALIVE, NO_SERVER_KEEP_ALIVE));
    }

    boolean accepted() {
        return reasonCode == 0;
    }

    private static int intProperty(MqttProperties properties, MqttProperties.MqttPropertyType type, int absent) {
        if (properties == null) {
            return absent;
        }
        MqttProperties.MqttProperty<?> p = properties.getProperty(type.value());
        return p != null && p.value() instanceof Integer value ? value : absent;
    }
}
