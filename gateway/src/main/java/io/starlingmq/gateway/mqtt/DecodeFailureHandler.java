package io.starlingmq.gateway.mqtt;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.mqtt.MqttIdentifierRejectedException;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttUnacceptableProtocolVersionException;
import io.netty.util.ReferenceCountUtil;
import io.starlingmq.contract.reason.ConnackReason;
import io.starlingmq.contract.reason.DisconnectReason;
import io.starlingmq.gateway.codec.FrameRejectedException;
import io.starlingmq.gateway.session.Connection;
import org.jboss.logging.Logger;

/**
 * Turns a packet the frame stage refused, or the codec could not decode, into the right end of the
 * connection. After a failure both discard all further input, so the connection always ends here.
 * Stateless: one instance serves every connection.
 */
@ChannelHandler.Sharable
public final class DecodeFailureHandler extends ChannelInboundHandlerAdapter {

    public static final DecodeFailureHandler INSTANCE = new DecodeFailureHandler();

    private static final Logger LOG = Logger.getLogger(DecodeFailureHandler.class);
    /** Text of the codec's DecoderException for a PUBLISH topic with wildcards (netty-codec-mqtt 4.1). */
    static final String WILDCARD_TOPIC_MESSAGE = "invalid publish topic name";

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof MqttMessage message) || message.decoderResult().isSuccess()) {
            ctx.fireChannelRead(msg);
            return;
        }
        ReferenceCountUtil.release(msg);
        Throwable cause = message.decoderResult().cause();
        LOG.debugf("Undecodable packet from %s: %s", ctx.channel().remoteAddress(), cause.getMessage());
        Connection connection = ChannelAttributes.connection(ctx.channel());
        if (connection == null) {
            refuseBeforeConnect(ctx, cause);
        } else {
            Disconnects.disconnect(ctx.channel(), connection.identity().isMqtt5(), reasonFor(cause));
        }
    }

    private static void refuseBeforeConnect(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof MqttUnacceptableProtocolVersionException) {
            // The version is unknown, so the reply uses the 3.1.1 form, which 5.0 §3.1.2.2 also allows.
            Connacks.refuse(ctx.channel(), false, ConnackReason.UNSUPPORTED_PROTOCOL_VERSION);
        } else if (cause instanceof FrameRejectedException rejected && rejected.connect() && rejected.mqtt5()) {
            // 5.0 §3.1.4 allows a CONNACK with the reason before closing for a malformed CONNECT; 3.1.1 just closes.
            Connacks.refuse(ctx.channel(), true, connackReason(rejected.reasonCode()));
        } else if (cause instanceof MqttIdentifierRejectedException) {
            // The codec rejects a client id only after it read the protocol level, so the version is known.
            Connacks.refuse(ctx.channel(), MqttVersions.isMqtt5(ctx.channel()), ConnackReason.CLIENT_IDENTIFIER_NOT_VALID);
        } else {
            Disconnects.close(ctx.channel());
        }
    }

    /** The frame stage refuses with Malformed Packet or Protocol Error, which CONNACK has too. */
    private static ConnackReason connackReason(DisconnectReason frameRefusal) {
        return frameRefusal == DisconnectReason.MALFORMED_PACKET
                ? ConnackReason.MALFORMED_PACKET : ConnackReason.PROTOCOL_ERROR;
    }

    static DisconnectReason reasonFor(Throwable cause) {
        if (cause instanceof FrameRejectedException rejected) {
            return rejected.reasonCode();
        }
        if (cause instanceof TooLongFrameException) {
            return DisconnectReason.PACKET_TOO_LARGE;
        }
        String text = cause.getMessage();
        if (text != null && text.startsWith(WILDCARD_TOPIC_MESSAGE)) {
            return DisconnectReason.TOPIC_NAME_INVALID;
        }
        return DisconnectReason.MALFORMED_PACKET;
    }
}
