package io.starlingmq.gateway.server;

import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslHandler;
import java.time.Duration;

/** TLS with the current (possibly just reloaded) context, and the client certificate's subject recorded. */
final class TlsStages implements TransportStages {

    static final String SSL = "ssl";
    static final String HANDSHAKE = "tlsHandshake";

    private final ReloadingSslContext sslContext;
    private final Duration handshakeTimeout;

    TlsStages(ReloadingSslContext sslContext, Duration handshakeTimeout) {
        this.sslContext = sslContext;
        this.handshakeTimeout = handshakeTimeout;
    }

    @Override
    public void addTo(SocketChannel channel) {
        SslHandler ssl = sslContext.current().newHandler(channel.alloc());
        ssl.setHandshakeTimeoutMillis(handshakeTimeout.toMillis());
        channel.pipeline()
                .addLast(SSL, ssl)
                .addLast(HANDSHAKE, new TlsHandshakeHandler());
    }
}
