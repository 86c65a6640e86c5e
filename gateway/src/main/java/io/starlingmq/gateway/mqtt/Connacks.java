package io.starlingmq.gateway.mqtt;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.starlingmq.contract.reason.Connack311ReturnCode;
import io.starlingmq.contract.reason.ConnackReason;
import io.starlingmq.contract.reason.DisconnectReason;
import io.starlingmq.gateway.auth.AuthDecision;
import io.starlingmq.gateway.session.CloseReason;
import java.util.Optional;

/** CONNACKs in the format of the client's protocol version. */
public final class Connacks {

    private Connacks() {
    }

    /** Refuses a CONNECT with an MQTT 5 reason, translated for 3.1.1, then closes. */
    public static void refuse(Channel channel, boolean mqtt5, ConnackReason reason) {
        refuse(channel, mqtt5, reason, reason.reasonString(), CloseReason.forConnack(reason));
    }

    /**
     * Refuses a CONNECT whose session another connection took over before the CONNACK. CONNACK has no code
     * for that: it is Unspecified error, and the Reason String says what happened.
     */
    public static void refuseTakenOver(Channel channel, boolean mqtt5) {
        refuse(channel, mqtt5, ConnackReason.UNSPECIFIED_ERROR, DisconnectReason.SESSION_TAKEN_OVER.reasonString(),
                CloseReason.TAKEN_OVER);
    }

    /** The CONNACK that refuses a CONNECT the authenticator did not allow (SUCCESS for an allowed one). */
    public static ConnackReason reasonFor(AuthDecision decision) {
        return switch (decision) {
            case AuthDecision.Allow allow -> ConnackReason.SUCCESS;
            case AuthDecision.Deny deny -> switch (deny.refusal()) {
                case BAD_CREDENTIALS -> ConnackReason.BAD_USER_NAME_OR_PASSWORD;
                case NOT_AUTHORIZED -> ConnackReason.NOT_AUTHORIZED;
                case BAD_AUTHENTICATION_METHOD -> ConnackReason.BAD_AUTHENTICATION_METHOD;
            };
            case AuthDecision.Unavailable unavailable -> ConnackReason.SERVER_UNAVAILABLE;
            case AuthDecision.Busy busy -> ConnackReason.SERVER_BUSY;
        };
    }

    /** The CONNACK that accepts a connection; its code is 0 in both protocol versions. */
    public static MqttConnAckMessage accept(boolean sessionPresent, MqttProperties properties) {
        return connack(ConnackReason.SUCCESS.code(), sessionPresent, properties);
    }

    private static void refuse(Channel channel, boolean mqtt5, ConnackReason reason, Optional<String> text,
            String closeReason) {
        Optional<Integer> code = mqtt5 ? Optional.of(reason.code())
                : Connack311ReturnCode.of(reason).map(Connack311ReturnCode::code);
        if (code.isEmpty()) {
            Disconnects.close(channel);
            return;
        }
        CloseReason.record(channel, closeReason);
        channel.config().setAutoRead(false);
        channel.writeAndFlush(connack(code.get(), false, mqtt5 ? ReasonStrings.properties(text) : MqttProperties.NO_PROPERTIES))
                .addListener(ChannelFutureListener.CLOSE);
    }

    /** Netty's CONNACK type lists every code of both protocol versions, so each of ours converts. */
    private static MqttConnAckMessage connack(int code, boolean sessionPresent, MqttProperties properties) {
        return MqttMessageBuilders.connAck()
                .returnCode(MqttConnectReturnCode.valueOf((byte) code))
                .sessionPresent(sessionPresent)
                .properties(properties)
                .build();
    }
}
