package io.starlingmq.launcher;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The environment of a gateway: its MQTT port and routers, and the listeners and authentication it
 * is given (each off unless set here: the gateway's own defaults then apply).
 */
public final class GatewayEnvironment {

    static final String LOCAL_DRAIN_WINDOW = "2s";
    static final String LOCAL_DRAIN_TIMEOUT = "10s";

    private final Map<String, String> env = new LinkedHashMap<>();

    /** MQTT over TCP on {@code mqttPort}, linked to the routers' ports on 127.0.0.1 in this order. */
    public GatewayEnvironment(int mqttPort, List<Integer> routerPorts) {
        env.put("STARLING_GATEWAY_MQTT_PORT", Integer.toString(mqttPort));
        env.put("STARLING_GATEWAY_ROUTERS", routerPorts.stream().map(port -> "127.0.0.1:" + port)
                .collect(Collectors.joining(",")));
        // A local run stops within seconds, well inside ManagedProcess.STOP_GRACE; the gateway's own
        // defaults (20 s window, 40 s timeout) are for a fleet behind a load balancer.
        env.put("STARLING_GATEWAY_DRAIN_WINDOW", LOCAL_DRAIN_WINDOW);
        env.put("STARLING_GATEWAY_DRAIN_TIMEOUT", LOCAL_DRAIN_TIMEOUT);
    }

    public GatewayEnvironment tls(int port, Path certificate, Path key) {
        env.put("STARLING_GATEWAY_TLS_ENABLED", "true");
        env.put("STARLING_GATEWAY_TLS_PORT", Integer.toString(port));
        env.put("STARLING_GATEWAY_TLS_CERT_FILE", certificate.toString());
        env.put("STARLING_GATEWAY_TLS_KEY_FILE", key.toString());
        return this;
    }

    /** MQTT over WebSocket, path /mqtt. */
    public GatewayEnvironment webSocket(int port) {
        env.put("STARLING_GATEWAY_WS_ENABLED", "true");
        env.put("STARLING_GATEWAY_WS_PORT", Integer.toString(port));
        return this;
    }

    /** MQTT over WebSocket over TLS, path /mqtt, with the TLS listener's certificate. */
    public GatewayEnvironment secureWebSocket(int port) {
        env.put("STARLING_GATEWAY_WSS_ENABLED", "true");
        env.put("STARLING_GATEWAY_WSS_PORT", Integer.toString(port));
        return this;
    }

    /** Every CONNECT is decided by the auth service at {@code url}. */
    public GatewayEnvironment authService(String url) {
        env.put("STARLING_GATEWAY_AUTH_MODE", "service");
        env.put("STARLING_GATEWAY_AUTH_URL", url);
        return this;
    }

    /** Any device connects without credentials and may do anything. */
    public GatewayEnvironment anonymous() {
        env.put("STARLING_GATEWAY_AUTH_MODE", "anonymous");
        return this;
    }

    /** Further settings, e.g. {@code STARLING_GATEWAY_MAX_KEEP_ALIVE}; they win over the ones above. */
    public GatewayEnvironment with(Map<String, String> more) {
        env.putAll(more);
        return this;
    }

    public Map<String, String> toMap() {
        return Map.copyOf(env);
    }
}
