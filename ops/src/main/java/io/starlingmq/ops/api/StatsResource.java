package io.starlingmq.ops.api;

import io.starlingmq.contract.admin.v1.StatsReply;
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

/** {@code GET /api/v5/stats}: the broker's counts, with EMQX's dotted names. */
@Path("/api/v5/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    @Inject
    RouterAdminClients routers;

    @GET
    @RolesAllowed({Role.ADMIN_NAME, Role.VIEWER_NAME})
    @Operation(summary = "The broker's counts",
            description = "EMQX's names (connections.count, live_connections.count, sessions.count, subscriptions.count, "
                    + "retained.count) and Starling's gateways.count. Differs from EMQX: every router holds the whole "
                    + "broker's replicas, so aggregate=true is one answering router's counts, not a sum; without it, "
                    + "one object per router that answered, each with its node.")
    public Object stats(@QueryParam("aggregate") @DefaultValue("false") boolean aggregate) {
        List<Map<String, Object>> perRouter = PerRouterCounts.of(routers.stats(), StatsResource::counts);
        return aggregate ? PerRouterCounts.first(perRouter) : perRouter;
    }

    private static Map<String, Long> counts(StatsReply reply) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("connections.count", reply.getConnections());
        counts.put("live_connections.count", reply.getConnections());
        counts.put("sessions.count", reply.getSessions());
        counts.put("subscriptions.count", reply.getSubscriptions());
        counts.put("retained.count", reply.getRetained());
        counts.put("gateways.count", (long) reply.getGateways());
        return counts;
    }
}
