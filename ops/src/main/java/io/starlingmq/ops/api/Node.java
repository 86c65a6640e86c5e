package io.starlingmq.ops.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One process of the suite as {@code /api/v5/nodes} lists it. EMQX's fields where they mean the same
 * ({@code node}, {@code node_status}, {@code version}, {@code uptime} in milliseconds, {@code connections});
 * Starling's own: {@code role} (router, gateway, ops, auth_service), {@code seen_by} (the routers a gateway is
 * linked to), {@code last_heard_ms}, and a gateway's {@code messages_rate} (PUBLISH in and out per second over
 * its last ten seconds).
 *
 * @param nodeStatus {@code running}; a gateway that drains: {@code draining}; a router or the auth service that
 *                   did not answer: {@code unreachable}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Node(String node, String role, String nodeStatus, String version, Long uptime, Integer connections,
                   Double messagesRate, List<String> seenBy, Long lastHeardMs) {

    static Node router(String address, boolean answered, String version, Long uptime) {
        return new Node(address, "router", answered ? "running" : "unreachable", version, uptime, null, null, null,
                null);
    }
}
