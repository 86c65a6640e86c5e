package io.starlingmq.ops.api;

import io.starlingmq.contract.admin.v1.MetricsReply;
import io.starlingmq.ops.routers.RouterAdminClients;
import io.starlingmq.ops.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /api/v5/metrics}: the message counters, with EMQX's dotted names. */
@Path("/api/v5/metrics")
@Produces(MediaType.APPLICATION_JSON)
public class MetricsResource {

    @Inject
    RouterAdminClients routers;

    @GET
    @RolesAllowed({Role.ADMIN_NAME, Role.VIEWER_NAME})
    @Operation(summary = "Message counters",
            description = "EMQX's messages.received, messages.sent and messages.dropped, counted by the routers since "
                    + "they started: one object per answering router with its node, or aggregate=true their sum (each "
                    + "router counts what it routed). Not yet: EMQX's per-QoS, byte, client and session counters.")
    public Object metrics(@QueryParam("aggregate") @DefaultValue("false") boolean aggregate) {
        List<Map<String, Object>> perRouter = PerRouterCounts.of(routers.metrics(), MetricsResource::counters);
        return aggregate ? PerRouterCounts.sum(perRouter) : perRouter;
    }

    private static Map<String, Long> counters(MetricsReply reply) {
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("messages.received", reply.getMessagesReceived());
        counters.put("messages.sent", reply.getMessagesSent());
        counters.put("messages.dropped", reply.getMessagesDropped());
        return counters;
    }
}
