package io.starlingmq.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Turns binary WebSocket frames into the byte stream the MQTT decoder reads (a packet may span frames or
 * share one, MQTT-6.0.0-2) and the MQTT encoder's bytes into binary frames. Any other data frame closes the
 * connection (MQTT-6.0.0-1); ping, pong and close are handled by Netty's protocol handler before this.
 */
public final class WebSocketFrameAdapter extends MessageToMessageCodec<WebSocketFrame, ByteBuf> {

    private static final Logger LOG = Logger.getLogger(WebSocketFrameAdapter.class);

    /** Whether the message the next continuation frame belongs to started as a binary frame. */
    private boolean inBinaryMessage;

    @Override
    protected void encode(ChannelHandlerContext ctx, ByteBuf bytes, List<Object> out) {
        out.add(new BinaryWebSocketFrame(bytes.retain()));
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> out) {
        boolean binary = frame instanceof BinaryWebSocketFrame
                || (frame instanceof ContinuationWebSocketFrame && inBinaryMessage);
        if (!binary) {
            LOG.debugf("non-binary WebSocket frame %s from %s; closing", frame.getClass().getSimpleName(),
                    ctx.channel().remoteAddress());
            ctx.close();
            return;
        }
        inBinaryMessage = !frame.isFinalFragment();
        out.add(frame.content().retain());
    }
}
