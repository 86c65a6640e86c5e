package io.starlingmq.gateway.mqtt;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttProperties.StringProperty;
import io.netty.util.AttributeKey;
import io.starlingmq.contract.reason.DisconnectReason;
import io.starlingmq.gateway.session.CloseReason;
import java.util.Optional;

/**
 * Ends a connection the way its protocol version wants: MQTT 5 gets a DISCONNECT with a reason code
 * first, 3.1.1 (which has no server DISCONNECT) is just closed. Input is ignored from then on.
 */
public final class Disconnects {

    private static final AttributeKey<Boolean> CLOSING = AttributeKey.valueOf("starling.closing");

    private Disconnects() {
    }

    /** Ends the connection with a reason code; the close reason reported to the router follows from it. */
    public static void disconnect(Channel channel, boolean mqtt5, DisconnectReason reason) {
        disconnect(channel, mqtt5, reason, CloseReason.forDisconnect(reason));
    }

    /**
     * Ends the connection with a reason code, reporting {@code closeReason} to the router. The DISCONNECT
     * carries a Reason String: [MQTT-3.1.2-29] allows it on DISCONNECT even when the client asked for no
     * problem information.
     */
    public static void disconnect(Channel channel, boolean mqtt5, DisconnectReason reason, String closeReason) {
        disconnect(channel, mqtt5, reason, closeReason, ReasonStrings.properties(reason));
    }

    /**
     * Asks the client to leave because this gateway is going: with a Server Reference, MQTT 5 gets
     * DISCONNECT 0x9C Use another server carrying it, otherwise 0x8B Server shutting down; 3.1.1 is closed.
     */
    public static void askToLeave(Channel channel, boolean mqtt5, Optional<String> serverReference) {
        if (serverReference.isEmpty()) {
            disconnect(channel, mqtt5, DisconnectReason.SERVER_SHUTTING_DOWN);
            return;
        }
        MqttProperties properties = new MqttProperties();
        properties.add(new StringProperty(MqttPropertyType.SERVER_REFERENCE.value(), serverReference.get()));
        disconnect(channel, mqtt5, DisconnectReason.USE_ANOTHER_SERVER,
                CloseReason.forDisconnect(DisconnectReason.USE_ANOTHER_SERVER), properties);
    }

    private static void disconnect(Channel channel, boolean mqtt5, DisconnectReason reason, String closeReason,
            MqttProperties properties) {
        if (isClosing(channel)) {
            return;
        }
        CloseReason.record(channel, closeReason);
        channel.attr(CLOSING).set(Boolean.TRUE);
        channel.config().setAutoRead(false);
        if (mqtt5 && channel.isActive()) {
            channel.writeAndFlush(MqttMessageBuilders.disconnect().reasonCode((byte) reason.code())
                            .properties(properties).build())
                    .addListener(ChannelFutureListener.CLOSE);
        } else {
            channel.close();
        }
    }

    /** Closes without a word: used before CONNECT, where no reply format is known yet. */
    public static void close(Channel channel) {
        channel.attr(CLOSING).set(Boolean.TRUE);
        channel.config().setAutoRead(false);
        channel.close();
    }

    public static boolean isClosing(Channel channel) {
        return Boolean.TRUE.equals(channel.attr(CLOSING).get());
    }
}
