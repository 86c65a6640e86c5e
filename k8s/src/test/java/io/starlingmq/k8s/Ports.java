package io.starlingmq.k8s;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ports an app listens on in a container: its shipped configuration (application.properties, the @WithDefault of
 * its @ConfigMapping) as changed by the container's environment and mounted properties.
 */
final class Ports {
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)(?::([^}]*))?}");

    private Ports() {}

    /** The value of PROPERTY in the container, as the prod profile sees it. */
    static Optional<String> value(App app, Suite.ContainerConfig cfg, String property) {
        Optional<String> v = cfg.lookup(property);
        if (v.isEmpty()) {
            String prod = app.applicationProperties().getProperty("%prod." + property);
            v = Optional.ofNullable(prod).or(() -> ConfigKeys.of(app).shippedValue(property));
        }
        return v.map(s -> expand(s, cfg));
    }

    private static String expand(String s, Suite.ContainerConfig cfg) {
        Matcher m = EXPRESSION.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement = cfg.env().containsKey(name) && cfg.env().get(name) != null ? cfg.env().get(name)
                    : m.group(2) == null ? m.group() : m.group(2);
            m.appendReplacement(b, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(b).toString();
    }

    static int httpPort(App app, Suite.ContainerConfig cfg) {
        return Integer.parseInt(value(app, cfg, "quarkus.http.port").orElse("8080"));
    }

    /** Every port the app listens on, by what it is for. */
    static Map<Integer, String> listening(App app, Suite.ContainerConfig cfg) {
        Map<Integer, String> ports = new TreeMap<>();
        ports.put(httpPort(app, cfg), switch (app) {
            case ROUTER -> "HTTP (gRPC, health, metrics)";
            case OPS -> "HTTP (admin API, dashboard, health, metrics)";
            case BRIDGE -> "HTTP (rules API, health, metrics)";
            default -> "HTTP (health, metrics)";
        });
        if (app == App.GATEWAY) {
            String[][] listeners = {{"tcp", "mqtt.port", "MQTT"}, {"tls", "tls.port", "MQTT over TLS"},
                {"ws", "ws.port", "MQTT over WebSocket"}, {"wss", "wss.port", "MQTT over WebSocket with TLS"}};
            for (String[] l : listeners) {
                boolean enabled = Boolean.parseBoolean(value(app, cfg, "starling.gateway." + l[0] + ".enabled").orElse("false"));
                if (enabled) {
                    ports.put(Integer.parseInt(value(app, cfg, "starling.gateway." + l[1]).orElseThrow()), l[2]);
                }
            }
        }
        return ports;
    }
}
