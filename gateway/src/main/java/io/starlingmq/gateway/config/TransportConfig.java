package io.starlingmq.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The listeners in front of the MQTT handlers, under {@code starling.gateway.{tcp,tls,ws,wss}.*}. The plain
 * TCP listener's address stays in {@link GatewayConfig.Mqtt}; TLS and WSS share the certificates under
 * {@code tls}.
 */
@ConfigMapping(prefix = "starling.gateway")
public interface TransportConfig {

    Tcp tcp();

    Tls tls();

    Ws ws();

    Wss wss();

    interface Tcp {
        /** Plain MQTT over TCP, bound to starling.gateway.mqtt.host/port. */
        @WithDefault("true")
        boolean enabled();
    }

    interface Tls {
        /** MQTT over TLS. Needs cert-file and key-file. */
        @WithDefault("false")
        boolean enabled();

        @WithDefault("0.0.0.0")
        String host();

        @WithDefault("8883")
        int port();

        /** Server certificate chain, PEM, leaf first. Also used by the WSS listener. */
        Optional<Path> certFile();

        /** Private key of cert-file, PEM (PKCS#8). */
        Optional<Path> keyFile();

        /** CA certificates (PEM) that client certificates must chain to; needed unless client-auth is none. */
        Optional<Path> caFile();

        /** Whether clients present a certificate: none, optional or required. */
        @WithDefault("none")
        ClientAuthMode clientAuth();

        /** How often the PEM files' modification times are checked; changed files replace the context. */
        @WithDefault("10s")
        Duration reloadInterval();

        /** Longest a TLS handshake may take before the connection is closed. */
        @WithDefault("10s")
        Duration handshakeTimeout();
    }

    interface Ws {
        /** MQTT over WebSocket (binary frames, subprotocol mqtt). */
        @WithDefault("false")
        boolean enabled();

        @WithDefault("0.0.0.0")
        String host();

        @WithDefault("8083")
        int port();

        /** The only HTTP path that is upgraded; also used by the WSS listener. */
        @WithDefault("/mqtt")
        String path();

        /** Largest HTTP upgrade request (headers included), in bytes. */
        @WithDefault("8192")
        int maxHandshakeSize();

        /** Largest WebSocket frame payload, in bytes; MQTT packets may span several frames. */
        @WithDefault("65536")
        int maxFrameSize();
    }

    interface Wss {
        /** MQTT over WebSocket over TLS, with the tls.* certificates and the ws.* path and limits. */
        @WithDefault("false")
        boolean enabled();

        @WithDefault("0.0.0.0")
        String host();

        @WithDefault("8084")
        int port();
    }

    /** Client certificate policy of the TLS and WSS listeners. */
    enum ClientAuthMode {
        NONE, OPTIONAL, REQUIRED
    }
}
