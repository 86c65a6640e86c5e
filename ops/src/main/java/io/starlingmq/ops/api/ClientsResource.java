package io.starlingmq.ops.api;

import io.starlingmq.contract.admin.v1.ClientSubscription;
import io.starlingmq.contract.admin.v1.GetClientReply;
import io.starlingmq.contract.admin.v1.ListClientsReply;
import io.starlingmq.contract.admin.v1.ListClientsRequest;
import io.starlingmq.ops.routers.RouterAdminClients;
import io.starlingmq.ops.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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
    @RolesAllowed({Role.ADMIN_NAME, Role.VIEWER_NAME})
    @Operation(summary = "List clients",
            description = "As EMQX: every session, connected or not, in client id order; page (from 1) and limit "
                    + "(default 100, at most 10,000); filters like_clientid (part of the id), username, ip_address, "
                    + "conn_state (connected, disconnected), node (the gateway), proto_ver; meta with page, limit, "
                    + "hasnext, and count when no filter applies (as EMQX's fuzzy queries, a filtered listing is not "
                    + "counted). Starling's cursor form for large listings: pass cursor (empty for the first page, then "
                    + "meta.cursor of the previous answer) instead of page; each page then costs what the first does, "
                    + "however deep. Differs from EMQX: no recv/send statistics, mqueue or inflight counts per client.")
    public Response list(@QueryParam("page") @DefaultValue("1") int page,
                         @QueryParam("limit") @DefaultValue("100") int limit,
                         @QueryParam("cursor") String cursorParameter,
                         @QueryParam("like_clientid") String likeClientId,
                         @QueryParam("username") String username,
                         @QueryParam("ip_address") String ipAddress,
                         @QueryParam("conn_state") String connState,
                         @QueryParam("node") String node,
                         @QueryParam("proto_ver") String protoVer,
                         @Context UriInfo uri) {
        // "cursor=" (empty: the first page) is the cursor form as much as "cursor=abc"
        String cursor = uri.getQueryParameters().containsKey("cursor") ? orEmpty(cursorParameter) : null;
        if (page < 1) {
            return badRequest("page: from 1");
        }
        if (limit < 1 || limit > RetainerResource.MAX_LIMIT) {
            return badRequest("limit: from 1 to " + RetainerResource.MAX_LIMIT);
        }
        if (connState != null && !connState.isEmpty() && !connState.equals("connected")
                && !connState.equals("disconnected")) {
            return badRequest("conn_state: connected or disconnected");
        }
        ListClientsRequest.Builder request = ListClientsRequest.newBuilder().setLimit(limit)
                .setClientIdContains(orEmpty(likeClientId)).setUsername(orEmpty(username))
                .setIpAddress(orEmpty(ipAddress)).setConnState(orEmpty(connState)).setGatewayId(orEmpty(node));
        if (protoVer != null && !protoVer.isEmpty()) {
            if (!protoVer.matches("[345]")) {
                return badRequest("proto_ver: 3, 4 or 5");
            }
            request.setProtocolVersion(Integer.parseInt(protoVer));
        }
        if (cursor != null) {
            request.setAfter(cursor);
        } else {
            request.setSkip((long) (page - 1) * limit);
        }
        ListClientsReply reply = routers.listClients(request.build());
        List<Map<String, Object>> data = reply.getClientsList().stream().map(c -> ClientJson.of(c.getClientId(),
                c.getConnected(), c.getGatewayId(), c.getSubscriptions(), c.getFacts())).toList();
        Map<String, Object> meta = new LinkedHashMap<>();
        if (cursor == null) {
            meta.put("page", page);
        }
        meta.put("limit", limit);
        if (reply.getTotal() >= 0) {
            meta.put("count", reply.getTotal());
        }
        meta.put("hasnext", reply.getHasNext());
        if (cursor != null && reply.getHasNext()) {
            meta.put("cursor", reply.getClients(reply.getClientsCount() - 1).getClientId());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("meta", meta);
        return Response.ok(body).build();
    }

    @GET
    @Path("/{clientid}")
    @RolesAllowed({Role.ADMIN_NAME, Role.VIEWER_NAME})
    @Operation(summary = "One client",
            description = "As an entry of the listing: clientid, username, ip_address, port, connected, node (the gateway "
                    + "holding the connection), proto_name, proto_ver, keepalive, clean_start, expiry_interval (-1: "
                    + "never), created_at, connected_at, disconnected_at (while disconnected), subscriptions_cnt; 404 "
                    + "CLIENTID_NOT_FOUND when no session has the id. Differs from EMQX: no queue and inflight counts.")
    public Response client(@PathParam("clientid") String clientId) {
        GetClientReply reply = routers.client(clientId);
        if (!reply.getFound()) {
            return notFound();
        }
        return Response.ok(ClientJson.of(clientId, reply.getConnected(), reply.getGatewayId(),
                reply.getSubscriptionsCount(), reply.getFacts())).build();
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

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static Response badRequest(String message) {
        return new ApiError("BAD_REQUEST", message).response(Response.Status.BAD_REQUEST);
    }

    private static Response notFound() {
        return new ApiError("CLIENTID_NOT_FOUND", "Client ID not found").response(Response.Status.NOT_FOUND);
    }
}
