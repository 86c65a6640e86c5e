package io.starlingmq.gateway.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** The id this gateway process announces to routers: configured, or hostname plus a random suffix. */
@ApplicationScoped
public class GatewayId {

    private final String value;

    public GatewayId(GatewayConfig config) {
        this.value = config.id().orElseGet(GatewayId::generate);
    }

    public String value() {
        return value;
    }

    private static String generate() {
        byte[] suffix = new byte[3];
        ThreadLocalRandom.current().nextBytes(suffix);
        return hostname() + "-" + HexFormat.of().formatHex(suffix);
    }

    private static String hostname() {
        String fromEnv = System.getenv("HOSTNAME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "gateway";
        }
    }
}
