package io.starlingmq.gateway.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Lets through only HTTP requests that ask for MQTT over WebSocket: a GET upgrade to the configured path
 * offering the {@code mqtt} subprotocol. Anything else is answered 404 (other path) or 400 and closed, so a
 * client never ends up with a WebSocket the broker does not speak on (MQTT-6.0.0-3 requires the "mqtt"
 * subprotocol).
 */
public final class WebSocketUpgradeGuard extends SimpleChannelInboundHandler<FullHttpRequest> {

    static final String SUBPROTOCOL = "mqtt";

    private final String path;

    public WebSocketUpgradeGuard(String path) {
        super(false);
        this.path = path;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        HttpResponseStatus refusal = refusal(request);
        if (refusal == null) {
            ctx.fireChannelRead(request);
            return;
        }
        request.release();
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, refusal,
                Unpooled.copiedBuffer(refusal.reasonPhrase(), StandardCharsets.US_ASCII));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            // Only the upgrade request is HTTP; after it only frames flow.
            ctx.pipeline().remove(this);
        }
        super.userEventTriggered(ctx, event);
    }

    private HttpResponseStatus refusal(FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            return HttpResponseStatus.BAD_REQUEST;
        }
        if (!new QueryStringDecoder(request.uri()).path().equals(path)) {
            return HttpResponseStatus.NOT_FOUND;
        }
        if (!HttpMethod.GET.equals(request.method())
                || !request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)
                || !offersMqtt(request.headers().get(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL))) {
            return HttpResponseStatus.BAD_REQUEST;
        }
        return null;
    }

    private static boolean offersMqtt(String subprotocols) {
        return subprotocols != null
                && Arrays.stream(subprotocols.split(",")).map(String::trim).anyMatch(SUBPROTOCOL::equals);
    }
}
