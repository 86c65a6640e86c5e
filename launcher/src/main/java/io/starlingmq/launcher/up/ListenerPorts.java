package io.starlingmq.launcher.up;

import java.util.List;
import java.util.Map;

/** A gateway's own MQTT ports, one per listener, behind the load balancer that holds the public one. */
record ListenerPorts(int mqtt, int tls, int ws, int wss) {

    /** The listeners, as named in the load balancers' folders ({@code haproxy-<listener>}). */
    static final List<String> LISTENERS = List.of("mqtt", "tls", "ws", "wss");

    int of(String listener) {
        return switch (listener) {
            case "mqtt" -> mqtt;
            case "tls" -> tls;
            case "ws" -> ws;
            case "wss" -> wss;
            default -> throw new IllegalArgumentException(listener);
        };
    }

    /** The gateway's settings for these ports; they win over the shared environment's. */
    Map<String, String> environment() {
        return Map.of("STARLING_GATEWAY_MQTT_PORT", Integer.toString(mqtt),
                "STARLING_GATEWAY_TLS_PORT", Integer.toString(tls),
                "STARLING_GATEWAY_WS_PORT", Integer.toString(ws),
                "STARLING_GATEWAY_WSS_PORT", Integer.toString(wss));
    }

    /** As a line of a fleet record: {@code mqtt tls ws wss}. */
    String toLine() {
        return mqtt + " " + tls + " " + ws + " " + wss;
    }

    static ListenerPorts parse(String line) {
        String[] p = line.trim().split(" ");
        if (p.length != 4) {
            throw new IllegalArgumentException("not four ports: " + line);
        }
        return new ListenerPorts(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]),
                Integer.parseInt(p[3]));
    }
}
