package io.starlingmq.gateway.mqtt;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.starlingmq.gateway.session.CloseReason;
import io.starlingmq.gateway.validation.ReasonCode;

/** CONNACKs in the format of the client's protocol version. */
public final class Connacks {

    /** 3.1.1 return codes (3.1.1 §3.2.2.3). */
    static final int V3_UNACCEPTABLE_PROTOCOL_VERSION = 0x01;
    static final int V3_IDENTIFIER_REJECTED = 0x02;
    static final int V3_SERVER_UNAVAILABLE = 0x03;
    static final int V3_BAD_USER_NAME_OR_PASSWORD = 0x04;
    static final int V3_NOT_AUTHORIZED = 0x05;
    /** No 3.1.1 return code fits (malformed or protocol error): close without CONNACK. */
    static final int V3_NONE = -1;

    private Connacks() {
    }

    /** Refuses a CONNECT with an MQTT 5 reason code, translated for 3.1.1, then closes. */
    public static void refuse(Channel channel, boolean mqtt5, int reasonCode) {
        int code = mqtt5 ? reasonCode : toV3(reasonCode);
        if (code == V3_NONE) {
            Disconnects.close(channel);
            return;
        }
        CloseReason.record(channel, CloseReason.forDisconnectCode(reasonCode));
        channel.config().setAutoRead(false);
        channel.writeAndFlush(connack(code, false, mqtt5 ? ReasonStrings.properties(code) : MqttProperties.NO_PROPERTIES))
                .addListener(ChannelFutureListener.CLOSE);
    }

    public static MqttConnAckMessage connack(int code, boolean sessionPresent, MqttProperties properties) {
        return MqttMessageBuilders.connAck()
                .returnCode(returnCode(code))
                .sessionPresent(sessionPresent)
                .properties(properties)
                .build();
    }

    private static MqttConnectReturnCode returnCode(int code) {
        try {
            return MqttConnectReturnCode.valueOf((byte) code);
        } catch (IllegalArgumentException notAConnackCode) {
            // A router may answer with a code CONNACK cannot carry; refuse with the generic one.
            return MqttConnectReturnCode.CONNECTION_REFUSED_UNSPECIFIED_ERROR;
        }
    }

    static int toV3(int reasonCode) {
        return switch (reasonCode) {
            case ReasonCode.SUCCESS -> ReasonCode.SUCCESS;
            case ReasonCode.UNSUPPORTED_PROTOCOL_VERSION -> V3_UNACCEPTABLE_PROTOCOL_VERSION;
            case ReasonCode.CLIENT_IDENTIFIER_NOT_VALID -> V3_IDENTIFIER_REJECTED;
            case 0x86 -> V3_BAD_USER_NAME_OR_PASSWORD;
            case 0x87 -> V3_NOT_AUTHORIZED;
            case ReasonCode.MALFORMED_PACKET, ReasonCode.PROTOCOL_ERROR, ReasonCode.TOPIC_NAME_INVALID -> V3_NONE;
            default -> V3_SERVER_UNAVAILABLE;
        };
    }
}
