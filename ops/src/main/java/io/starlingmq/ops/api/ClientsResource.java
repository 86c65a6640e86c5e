package io.starlingmq.ops.api;

import io.starlingmq.contract.admin.v1.ClientSubscription;
import io.starlingmq.contract.admin.v1.GetClientReply;
import io.starlingmq.ops.routers.RouterAdminClients;
import io.starlingmq.ops.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/** {@code /api/v5/clients}: the clients, through the routers. */
@Path("/api/v5/clients")
@Produces(MediaType.APPLICATION_JSON)
public class ClientsResource {

    private static final Logger LOG = Logger.getLogger(ClientsResource.class);

    @Inject
    RouterAdminClients routers;

    @GET
    @Path("/{clientid}")
    @RolesAllowed({Role.ADMIN_NAME, Role.VIEWER_NAME})
    @Operation(summary = "One client",
            description = "EMQX's fields Starling has: clientid, connected, node (the gateway holding the connection), "
                    + "clean_start (false for a session that outlives its connection), subscriptions_cnt; 404 "
                    + "CLIENTID_NOT_FOUND when no session has the id. Not yet: username, ip_address, proto_ver and the "
                    + "queue and inflight counts.")
    public Response client(@PathParam("clientid") String clientId) {
        GetClientReply reply = routers.client(clientId);
        if (!reply.getFound()) {
            return notFound();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientid", clientId);
        body.put("connected", reply.getConnected());
        body.put("node", reply.getConnected() ? reply.getGatewayId() : null);
        body.put("clean_start", !reply.getPersistent());
        body.put("subscriptions_cnt", reply.getSubscriptionsCount());
        return Response.ok(body).build();
    }

    @GET
    @Path("/{clientid}/subscriptions")
    @RolesAllowed({Role.ADMIN_NAME, Role.VIEWER_NAME})
    @Operation(summary = "A client's subscriptions", description = "As EMQX: [{clientid, topic, qos, nl, rap, rh}], a "
            + "shared subscription with its $share/group/ prefix; 404 CLIENTID_NOT_FOUND when no session has the id.")
    public Response subscriptions(@PathParam("clientid") String clientId) {
        GetClientReply reply = routers.client(clientId);
        if (!reply.getFound()) {
            return notFound();
        }
        List<Map<String, Object>> subscriptions = new ArrayList<>();
        for (ClientSubscription s : reply.getSubscriptionsList()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("clientid", clientId);
            one.put("topic", s.getFilter());
            one.put("qos", s.getQos());
            one.put("nl", s.getNoLocal() ? 1 : 0);
            one.put("rap", s.getRetainAsPublished() ? 1 : 0);
            one.put("rh", s.getRetainHandling());
            subscriptions.add(one);
        }
        return Response.ok(subscriptions).build();
    }

    @DELETE
    @Path("/{clientid}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Kick a client",
            description = "As EMQX: 204 once the client's gateway was told to disconnect it (MQTT 5: DISCONNECT 0x98 "
                    + "Administrative action; 3.1.1: the connection is closed), 404 CLIENTID_NOT_FOUND when no live "
                    + "connection has this client id. Unlike EMQX the session itself stays (a persistent one until it "
                    + "expires), as after any disconnect.")
    public Response kick(@PathParam("clientid") String clientId) {
        if (!routers.kick(clientId)) {
            return notFound();
        }
        LOG.infof("client %s kicked through the admin API", clientId);
        return Response.noContent().build();
    }

    private static Response notFound() {
        return new ApiError("CLIENTID_NOT_FOUND", "Client ID not found").response(Response.Status.NOT_FOUND);
    }
}
