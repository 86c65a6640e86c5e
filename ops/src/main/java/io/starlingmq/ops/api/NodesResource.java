package io.starlingmq.ops.api;

import io.starlingmq.contract.admin.v1.LinkedGateway;
import io.starlingmq.contract.admin.v1.ListGatewaysReply;
import io.starlingmq.ops.routers.RouterAdminClients;
import io.starlingmq.ops.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /api/v5/nodes}: every router ops is configured with, and every gateway linked to one. */
@Path("/api/v5/nodes")
@Produces(MediaType.APPLICATION_JSON)
public class NodesResource {

    @Inject
    RouterAdminClients routers;

    @GET
    @RolesAllowed({Role.ADMIN_NAME, Role.VIEWER_NAME})
    @Operation(summary = "The suite's processes",
            description = "Differs from EMQX: Starling's nodes are its routers and gateways, not cluster members; "
                    + "each has a role, and a gateway lists the routers it is linked to (seen_by).")
    public List<Node> nodes() {
        List<Node> nodes = new ArrayList<>();
        Map<String, Node> gateways = new TreeMap<>();
        for (RouterAdminClients.RouterAnswer<ListGatewaysReply> answer : routers.listGateways()) {
            nodes.add(new Node(answer.router(), "router", answer.reply().isPresent() ? "running" : "unreachable", null,
                    null, null));
            answer.reply().ifPresent(reply -> {
                for (LinkedGateway g : reply.getGatewaysList()) {
                    gateways.merge(g.getGatewayId(), gateway(g, answer.router()), NodesResource::freshest);
                }
            });
        }
        nodes.addAll(gateways.values());
        return nodes;
    }

    private static Node gateway(LinkedGateway g, String router) {
        return new Node(g.getGatewayId(), "gateway", g.getDraining() ? "draining" : "running", g.getConnections(),
                List.of(router), g.getLastHeardMillis());
    }

    /** Two routers' views of one gateway: the counts of the latest heartbeat, and both routers. */
    private static Node freshest(Node a, Node b) {
        Node fresh = a.lastHeardMs() <= b.lastHeardMs() ? a : b;
        List<String> seenBy = new ArrayList<>(a.seenBy());
        seenBy.addAll(b.seenBy());
        return new Node(fresh.node(), fresh.role(), fresh.nodeStatus(), fresh.connections(), List.copyOf(seenBy),
                fresh.lastHeardMs());
    }

    @POST
    @Path("/rebalance")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Rebalance the gateways now",
            description = "Starling's own (EMQX has no gateways): every gateway runs a rebalance round at once, as its "
                    + "interval would (starling.gateway.rebalance.*: its share of the fleet's connections with the "
                    + "tolerance, only connections older than the minimum age, at the configured pace; MQTT 5 clients "
                    + "get DISCONNECT 0x9C Use another server, 3.1.1 ones are closed). 202 with the gateways asked; watch "
                    + "the connections even out in GET /api/v5/nodes.")
    public Response rebalance() {
        List<String> asked = routers.rebalance();
        return Response.accepted(Map.of("gateways", asked)).build();
    }
}
