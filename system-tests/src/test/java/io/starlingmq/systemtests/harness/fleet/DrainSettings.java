package io.starlingmq.systemtests.harness.fleet;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A gateway's drain (the {@code starling.gateway.drain.*} keys): on SIGTERM it closes its listeners
 * (readiness DOWN at once), then asks its clients to leave spread evenly over {@code window}, never more
 * than {@code maxRate} per second, and closes what is still open after {@code timeout}; MQTT 5 clients get
 * DISCONNECT 0x9C with {@code serverReference} when one is set, 0x8B otherwise.
 */
public record DrainSettings(Duration window, int maxRate, Duration timeout, Optional<String> serverReference) {

    /** As (part of) a server reference: the load balancer's address, filled in by {@link GatewayFleet}. */
    public static final String LOAD_BALANCER = "{load-balancer}";

    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("STARLING_GATEWAY_DRAIN_WINDOW", window.toMillis() + "ms");
        env.put("STARLING_GATEWAY_DRAIN_MAX_RATE", Integer.toString(maxRate));
        // Also today's starling.gateway.drain-timeout, which this key replaces.
        env.put("STARLING_GATEWAY_DRAIN_TIMEOUT", timeout.toMillis() + "ms");
        serverReference.ifPresent(reference -> env.put("STARLING_GATEWAY_DRAIN_SERVER_REFERENCE", reference));
        return env;
    }

    public DrainSettings withServerReference(String reference) {
        return new DrainSettings(window, maxRate, timeout, Optional.of(reference));
    }
}
