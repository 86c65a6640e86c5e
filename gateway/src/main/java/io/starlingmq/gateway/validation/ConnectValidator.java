package io.starlingmq.gateway.validation;

import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectPayload;
import io.netty.handler.codec.mqtt.MqttConnectVariableHeader;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.starlingmq.contract.reason.ConnackReason;

/**
 * CONNECT rules the codec leaves to us. Returns the MQTT 5 CONNACK reason, SUCCESS when the packet is
 * acceptable; the caller translates it for older clients.
 */
public final class ConnectValidator {

    private final int maxClientIdLength;

    public ConnectValidator(int maxClientIdLength) {
        this.maxClientIdLength = maxClientIdLength;
    }

    public ConnackReason validate(MqttConnectMessage connect) {
        MqttConnectVariableHeader header = connect.variableHeader();
        MqttConnectPayload payload = connect.payload();
        boolean mqtt5 = header.version() == MqttVersion.MQTT_5.protocolLevel();
        String clientId = payload.clientIdentifier();
        if (clientId.length() > maxClientIdLength || clientId.indexOf('\u0000') >= 0) {
            return ConnackReason.CLIENT_IDENTIFIER_NOT_VALID;
        }
        if (clientId.isEmpty() && !header.isCleanSession()) {
            // An assigned id is only meaningful for a session that starts clean (3.1.1 §3.1.3.1).
            return ConnackReason.CLIENT_IDENTIFIER_NOT_VALID;
        }
        if (header.isWillFlag() && !TopicRules.validTopicName(payload.willTopic())) {
            return ConnackReason.TOPIC_NAME_INVALID;
        }
        if (!mqtt5) {
            return ConnackReason.SUCCESS;
        }
        if (!PropertyRules.onlyAllowed(header.properties(), PropertyRules.CONNECT)
                || !PropertyRules.onlyAllowed(payload.willProperties(), PropertyRules.WILL)) {
            return ConnackReason.MALFORMED_PACKET;
        }
        if (PropertyRules.intValue(header.properties(), MqttPropertyType.RECEIVE_MAXIMUM, 1) == 0
                || PropertyRules.intValue(header.properties(), MqttPropertyType.MAXIMUM_PACKET_SIZE, 1) == 0) {
            return ConnackReason.PROTOCOL_ERROR;
        }
        return ConnackReason.SUCCESS;
    }
}
