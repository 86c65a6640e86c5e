package io.starlingmq.gateway.mqtt;

import com.google.protobuf.ByteString;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectPayload;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.starlingmq.contract.link.v1.Message;
import io.starlingmq.contract.link.v1.Will;
import io.starlingmq.gateway.validation.PropertyRules;

/** Turns a validated CONNECT's will (flag, topic, payload, QoS, retain, will properties) into the contract's Will. */
final class WillMapping {

    private WillMapping() {
    }

    /** The CONNECT's will, or null when its will flag is 0. */
    static Will fromConnect(MqttConnectMessage connect, String clientId) {
        if (!connect.variableHeader().isWillFlag()) {
            return null;
        }
        MqttConnectPayload payload = connect.payload();
        byte[] body = payload.willMessageInBytes();
        Message message = Message.newBuilder()
                .setTopic(payload.willTopic())
                .setPayload(body == null ? ByteString.EMPTY : ByteString.copyFrom(body))
                .setQos(connect.variableHeader().willQos())
                .setRetain(connect.variableHeader().isWillRetain())
                .setProperties(MessageMapping.fromMqtt(payload.willProperties()))
                .setPublisher(clientId)
                .build();
        long delay = PropertyRules.intValue(payload.willProperties(), MqttPropertyType.WILL_DELAY_INTERVAL, 0);
        return Will.newBuilder().setMessage(message).setDelayInterval((int) delay).build();
    }
}
