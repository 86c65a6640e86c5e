package io.starlingmq.gateway.server;

import io.starlingmq.gateway.config.GatewayConfig;
import io.starlingmq.gateway.config.TransportConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which listeners are enabled and what each puts in front of the MQTT handlers. TLS and WSS share one
 * reloading SslContext, built here so that unreadable certificates stop startup.
 */
final class ListenerPlan {

    private final List<Listener> listeners = new ArrayList<>();
    private final Optional<ReloadingSslContext> sslContext;

    ListenerPlan(GatewayConfig gateway, TransportConfig transports) {
        TransportConfig.Tls tls = transports.tls();
        boolean needsTls = tls.enabled() || transports.wss().enabled();
        this.sslContext = needsTls
                ? Optional.of(new ReloadingSslContext(new SslContextFactory(tls)))
                : Optional.empty();
        long handshakeMillis = tls.handshakeTimeout().toMillis();
        if (transports.tcp().enabled()) {
            listeners.add(new Listener("tcp", gateway.mqtt().host(), gateway.mqtt().port(), TransportStages.NONE));
        }
        if (tls.enabled()) {
            listeners.add(new Listener("tls", tls.host(), tls.port(), tlsStages(tls)));
        }
        if (transports.ws().enabled()) {
            listeners.add(new Listener("ws", transports.ws().host(), transports.ws().port(),
                    new WebSocketStages(transports.ws(), handshakeMillis)));
        }
        if (transports.wss().enabled()) {
            listeners.add(new Listener("wss", transports.wss().host(), transports.wss().port(),
                    tlsStages(tls).then(new WebSocketStages(transports.ws(), handshakeMillis))));
        }
        if (listeners.isEmpty()) {
            throw new IllegalStateException("no MQTT listener enabled: enable at least one of "
                    + "starling.gateway.tcp, .tls, .ws, .wss");
        }
    }

    private TlsStages tlsStages(TransportConfig.Tls tls) {
        return new TlsStages(sslContext.orElseThrow(), tls.handshakeTimeout());
    }

    List<Listener> listeners() {
        return List.copyOf(listeners);
    }

    /** Present when a TLS or WSS listener is enabled. */
    Optional<ReloadingSslContext> sslContext() {
        return sslContext;
    }
}
