package io.starlingmq.gateway.server;

import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.starlingmq.gateway.config.TransportConfig;

/**
 * MQTT over WebSocket: the HTTP upgrade (bounded), then binary frames adapted to the MQTT byte stream.
 * Netty's protocol handler answers pings and close frames; after the upgrade it replaces the HTTP codec
 * and aggregator with the WebSocket frame codec.
 */
final class WebSocketStages implements TransportStages {

    static final String HTTP_CODEC = "httpCodec";
    static final String HTTP_AGGREGATOR = "httpAggregator";
    static final String UPGRADE_GUARD = "wsUpgradeGuard";
    static final String PROTOCOL = "wsProtocol";
    static final String FRAMES = "wsFrames";

    private static final int MAX_INITIAL_LINE = 4096;
    private static final int MAX_CHUNK = 8192;

    private final TransportConfig.Ws ws;
    private final WebSocketServerProtocolConfig protocol;

    WebSocketStages(TransportConfig.Ws ws, long handshakeTimeoutMillis) {
        this.ws = ws;
        this.protocol = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(ws.path())
                .subprotocols(WebSocketUpgradeGuard.SUBPROTOCOL)
                // The guard has already matched the path exactly; this only tolerates a query string.
                .checkStartsWith(true)
                .handshakeTimeoutMillis(handshakeTimeoutMillis)
                .decoderConfig(WebSocketDecoderConfig.newBuilder()
                        .maxFramePayloadLength(ws.maxFrameSize())
                        .allowExtensions(false)
                        .expectMaskedFrames(true)
                        .build())
                .build();
    }

    @Override
    public void addTo(SocketChannel channel) {
        channel.pipeline()
                .addLast(HTTP_CODEC, new HttpServerCodec(MAX_INITIAL_LINE, ws.maxHandshakeSize(), MAX_CHUNK))
                .addLast(HTTP_AGGREGATOR, new HttpObjectAggregator(ws.maxHandshakeSize()))
                .addLast(UPGRADE_GUARD, new WebSocketUpgradeGuard(ws.path()))
                .addLast(PROTOCOL, new WebSocketServerProtocolHandler(protocol))
                .addLast(FRAMES, new WebSocketFrameAdapter());
    }
}
