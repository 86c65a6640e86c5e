package io.starlingmq.bench.netty;

import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttVersion;

/** The packets off the hot path, as Netty's message objects for its encoder, and what DISCONNECT says. */
final class ControlPackets {

    /** Persistent sessions outlive any benchmark run, and are cleaned by the next clean connect (as with HiveMQ). */
    static final int PERSISTENT_SESSION_EXPIRY_SECONDS = 3600;
    static final int KEEP_ALIVE_SECONDS = 60;

    private ControlPackets() {
    }

    static MqttConnectMessage connect(NettyClientSpec spec, boolean persistent) {
        MqttMessageBuilders.ConnectBuilder connect = MqttMessageBuilders.connect()
                .protocolVersion(spec.mqtt5() ? MqttVersion.MQTT_5 : MqttVersion.MQTT_3_1_1)
                .clientId(spec.clientId())
                .cleanSession(!persistent)
                .keepAlive(KEEP_ALIVE_SECONDS);
        if (spec.mqtt5()) {
            MqttProperties properties = new MqttProperties();
            if (persistent) {
                properties.add(new MqttProperties.IntegerProperty(
                        MqttProperties.MqttPropertyType.SESSION_EXPIRY_INTERVAL.value(), PERSISTENT_SESSION_EXPIRY_SECONDS));
            }
            if (spec.receiveMaximum() > 0) {
                properties.add(new MqttProperties.IntegerProperty(
                        MqttProperties.MqttPropertyType.RECEIVE_MAXIMUM.value(), spec.receiveMaximum()));
            }
            connect.properties(properties);
        }
        if (spec.credentials() != null) {
            connect.username(spec.credentials().username()).password(spec.credentials().password());
        }
        return connect.build();
    }

    static MqttSubscribeMessage subscribe(int packetId, String filter, int qos) {
        return MqttMessageBuilders.subscribe().messageId(packetId).addSubscription(MqttQoS.valueOf(qos), filter).build();
    }

    /** Normal disconnection: reason 0x00 in 5.0, the bare packet in 3.1.1. */
    static MqttMessage disconnect(boolean mqtt5) {
        return mqtt5 ? MqttMessageBuilders.disconnect().reasonCode((byte) 0).build()
                : new MqttMessage(new MqttFixedHeader(MqttMessageType.DISCONNECT, false, MqttQoS.AT_MOST_ONCE, false, 0));
    }

    /** A DISCONNECT's reason code; 0x00 (normal) when the packet has none (3.1.1, or 5.0 with Remaining Length 0). */
    static int disconnectReason(MqttMessage disconnect) {
        return disconnect.variableHeader() instanceof MqttReasonCodeAndPropertiesVariableHeader header
                ? header.reasonCode() & 0xFF : 0;
    }
}
