package io.starlingmq.gateway.mqtt;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.IntegerProperty;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttProperties.StringProperty;
import io.starlingmq.gateway.config.GatewayConfig;

/** What a successful MQTT 5 CONNACK announces: the gateway's limits and features, and per-client answers. */
final class ConnackProperties {

    private static final String CLIENT_ID_PLACEHOLDER = "${clientid}";

    private ConnackProperties() {
    }

    /**
     * @param assignedClientId the id the gateway chose for an empty one, or null
     * @param serverKeepAlive the Keep Alive imposed on the client, or -1 when it keeps its own
     * @param responseInformationRequested the CONNECT's Request Response Information was 1
     */
    static MqttProperties of(GatewayConfig config, String clientId, String assignedClientId, int serverKeepAlive,
            boolean responseInformationRequested) {
        MqttProperties properties = new MqttProperties();
        // No Maximum QoS property: its absence announces QoS 2 (the property may only carry 0 or 1).
        integer(properties, MqttPropertyType.RECEIVE_MAXIMUM, config.maxPendingPublishes());
        integer(properties, MqttPropertyType.MAXIMUM_PACKET_SIZE, config.maxPacketSize());
        integer(properties, MqttPropertyType.RETAIN_AVAILABLE, 1);
        integer(properties, MqttPropertyType.WILDCARD_SUBSCRIPTION_AVAILABLE, 1);
        integer(properties, MqttPropertyType.SUBSCRIPTION_IDENTIFIER_AVAILABLE, 1);
        integer(properties, MqttPropertyType.SHARED_SUBSCRIPTION_AVAILABLE, 1);
        if (config.topicAliasMaximum() > 0) {
            integer(properties, MqttPropertyType.TOPIC_ALIAS_MAXIMUM, config.topicAliasMaximum());
        }
        if (serverKeepAlive >= 0) {
            integer(properties, MqttPropertyType.SERVER_KEEP_ALIVE, serverKeepAlive);
        }
        if (assignedClientId != null) {
            properties.add(new StringProperty(MqttPropertyType.ASSIGNED_CLIENT_IDENTIFIER.value(), assignedClientId));
        }
        if (responseInformationRequested) {
            config.responseInformation().ifPresent(template -> properties.add(new StringProperty(
                    MqttPropertyType.RESPONSE_INFORMATION.value(), template.replace(CLIENT_ID_PLACEHOLDER, clientId))));
        }
        return properties;
    }

    private static void integer(MqttProperties properties, MqttPropertyType type, int value) {
        properties.add(new IntegerProperty(type.value(), value));
    }
}
