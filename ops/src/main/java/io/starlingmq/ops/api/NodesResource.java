package io.starlingmq.ops.api;

import io.starlingmq.contract.admin.v1.LinkedGateway;
import io.starlingmq.contract.admin.v1.ListGatewaysReply;
import io.starlingmq.ops.routers.RouterAdminClients;
import io.starlingmq.ops.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /api/v5/nodes}: every router ops is configured with, and every gateway linked to one. */
@Path("/api/v5/nodes")
@Produces(MediaType.APPLICATION_JSON)
public class NodesResource {

    private static final String VERSION = ConfigProvider.getConfig()
            .getOptionalValue("quarkus.application.version", String.class).orElse("");
    private static final long STARTED_AT_MS = ManagementFactory.getRuntimeMXBean().getStartTime();

    @Inject
    RouterAdminClients routers;
    @Inject
    AuthServiceNode authService;
    @ConfigProperty(name = "quarkus.http.port", defaultValue = "18083")
    int port;

    private String self;

    @PostConstruct
    void name() {
        self = hostName() + ":" + port;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    @GET
    @RolesAllowed({Role.ADMIN_NAME, Role.VIEWER_NAME})
    @Operation(summary = "The suite's processes",
            description = "Differs from EMQX: Starling's nodes are its routers, gateways, this ops instance and the auth "
                    + "service (when ops is given its URL), not cluster members; each has a role; version and uptime (ms) "
                    + "as EMQX; a gateway lists the routers it is linked to (seen_by), its connections and messages_rate "
                    + "(PUBLISH in and out per second), as its latest heartbeat said.")
    public List<Node> nodes() {
        long now = System.currentTimeMillis();
        List<Node> nodes = new ArrayList<>();
        Map<String, Node> gateways = new TreeMap<>();
        for (RouterAdminClients.RouterAnswer<ListGatewaysReply> answer : routers.listGateways()) {
            nodes.add(answer.reply().map(reply -> Node.router(answer.router(), true, reply.getRouterVersion(),
                    uptime(now, reply.getRouterStartedAtMs()))).orElse(Node.router(answer.router(), false, null, null)));
            answer.reply().ifPresent(reply -> {
                for (LinkedGateway g : reply.getGatewaysList()) {
                    gateways.merge(g.getGatewayId(), gateway(g, answer.router(), now), NodesResource::freshest);
                }
            });
        }
        nodes.addAll(gateways.values());
        nodes.add(new Node(self, "ops", "running", VERSION, now - STARTED_AT_MS, null, null, null, null));
        authService.node().ifPresent(nodes::add);
        return nodes;
    }

    private static Node gateway(LinkedGateway g, String router, long now) {
        return new Node(g.getGatewayId(), "gateway", g.getDraining() ? "draining" : "running",
                g.getVersion().isEmpty() ? null : g.getVersion(), uptime(now, g.getStartedAtMs()), g.getConnections(),
                g.getStartedAtMs() == 0 ? null : g.getMessagesPerSecond(), List.of(router), g.getLastHeardMillis());
    }

    /** Milliseconds since {@code startedAtMs}; null when unknown (a part of a version that does not say). */
    private static Long uptime(long now, long startedAtMs) {
        return startedAtMs == 0 ? null : Math.max(0, now - startedAtMs);
    }

    /** Two routers' views of one gateway: the counts of the latest heartbeat, and both routers. */
    private static Node freshest(Node a, Node b) {
        Node fresh = a.lastHeardMs() <= b.lastHeardMs() ? a : b;
        List<String> seenBy = new ArrayList<>(a.seenBy());
        seenBy.addAll(b.seenBy());
        return new Node(fresh.node(), fresh.role(), fresh.nodeStatus(), fresh.version(), fresh.uptime(),
                fresh.connections(), fresh.messagesRate(), List.copyOf(seenBy), fresh.lastHeardMs());
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
