package io.starlingmq.ops.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One process of the suite as {@code /api/v5/nodes} lists it. EMQX's fields where they mean the same
 * ({@code node}, {@code node_status}, {@code connections}); Starling's own: {@code role} (router or
 * gateway), {@code seen_by} (the routers a gateway is linked to) and {@code last_heard_ms}.
 *
 * @param nodeStatus {@code running}; a gateway that drains: {@code draining}; a router that did not answer:
 *                   {@code unreachable}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Node(String node, String role, String nodeStatus, Integer connections, List<String> seenBy,
                   Long lastHeardMs) {
}
