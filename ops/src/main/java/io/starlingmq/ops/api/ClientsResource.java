package io.starlingmq.ops.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.grpc.Status;
import io.starlingmq.contract.admin.v1.ClientMessage;
import io.starlingmq.contract.admin.v1.ClientSubscription;
import io.starlingmq.contract.admin.v1.GetClientReply;
import io.starlingmq.contract.admin.v1.ListClientsReply;
import io.starlingmq.contract.admin.v1.ListClientsRequest;
import io.starlingmq.contract.link.v1.SubscriptionRequest;
import io.starlingmq.contract.reason.SubackReason;
import io.starlingmq.ops.routers.RouterAdminClients;
import io.starlingmq.ops.routers.RouterRefusedException;
import io.starlingmq.ops.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
        PageRequest paging = new PageRequest(page, limit);
        if (paging.problem().isPresent()) {
            return paging.problem().get();
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
            request.setSkip(paging.offset());
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
            subscriptions.add(SubscriptionsResource.json(clientId, s));
        }
        return Response.ok(subscriptions).build();
    }

    @GET
    @Path("/{clientid}/mqueue_messages")
    @RolesAllowed({Role.ADMIN_NAME, Role.VIEWER_NAME})
    @Operation(summary = "A client's queued messages", description = "As EMQX: the messages waiting for the session's "
            + "window (persistent sessions; QoS 1 and 2), oldest first; limit (default 100) and position (from the "
            + "previous answer's meta.position); each {topic, qos, publish_at, from_clientid, payload (base64)}. "
            + "Differs from EMQX: position is a count from the queue's head, no msgid. 404 CLIENTID_NOT_FOUND.")
    public Response queued(@PathParam("clientid") String clientId, @QueryParam("limit") @DefaultValue("100") int limit,
                           @QueryParam("position") String position) {
        return clientMessages(clientId, false, limit, position);
    }

    @GET
    @Path("/{clientid}/inflight_messages")
    @RolesAllowed({Role.ADMIN_NAME, Role.VIEWER_NAME})
    @Operation(summary = "A client's in-flight messages", description = "As EMQX: the messages sent to the session and "
            + "not yet acknowledged, in the order their packet ids were assigned; limit and position as for "
            + "mqueue_messages; each also with its packet_id and released (QoS 2: PUBREC recorded, PUBREL sent). "
            + "Persistent sessions only: a clean session's window lives in its gateway. 404 CLIENTID_NOT_FOUND.")
    public Response inflight(@PathParam("clientid") String clientId, @QueryParam("limit") @DefaultValue("100") int limit,
                             @QueryParam("position") String position) {
        return clientMessages(clientId, true, limit, position);
    }

    private Response clientMessages(String clientId, boolean inflight, int limit, String position) {
        if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
            return badRequest("limit: from 1 to " + PageRequest.MAX_LIMIT);
        }
        long start;
        try {
            start = position == null || position.isEmpty() ? 0 : Long.parseLong(position);
        } catch (NumberFormatException e) {
            return badRequest("position: the meta.position of a previous answer");
        }
        if (start < 0) {
            return badRequest("position: the meta.position of a previous answer");
        }
        List<ClientMessage> page;
        try {
            // one more than asked: whether a next page exists
            page = routers.clientMessages(clientId, inflight, start, limit + 1);
        } catch (RouterRefusedException e) {
            if (e.code() == Status.Code.NOT_FOUND) {
                return notFound();
            }
            throw e;
        }
        List<Map<String, Object>> data = new ArrayList<>();
        for (ClientMessage m : page.subList(0, Math.min(limit, page.size()))) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("topic", m.getMessage().getTopic());
            one.put("qos", m.getMessage().getQos());
            one.put("publish_at", ApiTimes.format(m.getReceivedAt()));
            one.put("from_clientid", m.getMessage().getPublisher());
            if (inflight) {
                one.put("packet_id", m.getPacketId());
                one.put("released", m.getReleased());
            }
            one.put("payload", Base64.getEncoder().encodeToString(m.getMessage().getPayload().toByteArray()));
            data.add(one);
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("start", Long.toString(start));
        meta.put("position", page.size() > limit ? Long.toString(start + limit) : null);
        meta.put("limit", limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("meta", meta);
        return Response.ok(body).build();
    }

    @POST
    @Path("/{clientid}/subscribe")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Subscribe a client", description = "As EMQX: {topic, qos, nl, rap, rh}; the session (connected "
            + "or not) subscribes as its own SUBSCRIBE would, retained messages included as rh asks; 200 with the "
            + "subscription, 404 CLIENTID_NOT_FOUND when no session has the id, 400 naming a bad field or the SUBACK "
            + "refusal (topic filter invalid, quota exceeded). Access rules are the device's, checked at its own "
            + "SUBSCRIBE; an operator's subscribe is not checked against them.")
    public Response subscribe(@PathParam("clientid") String clientId, JsonNode body) {
        return subscribeAll(clientId, body == null ? null : JsonNodeFactory.instance.arrayNode().add(body), false);
    }

    @POST
    @Path("/{clientid}/subscribe/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Subscribe a client to several filters", description = "As EMQX: an array of the subscribe "
            + "body; 200 with the subscriptions; nothing is subscribed when one entry is bad (400 names it as [i].field).")
    public Response subscribeBulk(@PathParam("clientid") String clientId, JsonNode body) {
        return subscribeAll(clientId, body, true);
    }

    @POST
    @Path("/{clientid}/unsubscribe")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Unsubscribe a client", description = "As EMQX: {topic}; 204 whether or not the session held "
            + "the subscription; 404 CLIENTID_NOT_FOUND when no session has the id.")
    public Response unsubscribe(@PathParam("clientid") String clientId, JsonNode body) {
        if (body == null || !body.isObject() || !body.hasNonNull("topic") || body.get("topic").asText().isEmpty()) {
            return badRequest("topic: required");
        }
        try {
            routers.unsubscribe(clientId, List.of(body.get("topic").asText()));
        } catch (RouterRefusedException e) {
            if (e.code() == Status.Code.NOT_FOUND) {
                return notFound();
            }
            throw e;
        }
        return Response.noContent().build();
    }

    private Response subscribeAll(String clientId, JsonNode body, boolean bulk) {
        if (body == null || !body.isArray() || body.isEmpty()) {
            return badRequest(bulk ? "the body must be a non-empty array" : "the body must be a JSON object");
        }
        List<SubscriptionRequest> requests = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            String at = bulk ? "[" + i + "]." : "";
            JsonNode entry = body.get(i);
            if (!entry.isObject() || !entry.hasNonNull("topic") || entry.get("topic").asText().isEmpty()) {
                return badRequest(at + "topic: required");
            }
            int qos = entry.path("qos").asInt(0);
            int rh = entry.path("rh").asInt(0);
            if (qos < 0 || qos > 2) {
                return badRequest(at + "qos: 0, 1 or 2");
            }
            if (rh < 0 || rh > 2) {
                return badRequest(at + "rh: 0, 1 or 2");
            }
            requests.add(SubscriptionRequest.newBuilder().setFilter(entry.get("topic").asText()).setQos(qos)
                    .setNoLocal(entry.path("nl").asInt(0) == 1).setRetainAsPublished(entry.path("rap").asInt(0) == 1)
                    .setRetainHandling(rh).build());
        }
        List<Integer> reasons;
        try {
            reasons = routers.subscribe(clientId, requests);
        } catch (RouterRefusedException e) {
            if (e.code() == Status.Code.NOT_FOUND) {
                return notFound();
            }
            throw e;
        }
        List<Map<String, Object>> subscribed = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            Optional<SubackReason> reason = SubackReason.fromCode(reasons.get(i));
            if (reason.isEmpty() || reason.get().code() >= 0x80) {
                String at = bulk ? "[" + i + "]." : "";
                return badRequest(at + "topic: refused, " + reason.map(r -> r.name().toLowerCase(Locale.ROOT)
                        .replace('_', ' ')).orElse("reason " + reasons.get(i)));
            }
            SubscriptionRequest r = requests.get(i);
            subscribed.add(SubscriptionsResource.json(clientId, ClientSubscription.newBuilder().setFilter(r.getFilter())
                    .setQos(reason.get().code()).setNoLocal(r.getNoLocal()).setRetainAsPublished(r.getRetainAsPublished())
                    .setRetainHandling(r.getRetainHandling()).build()));
        }
        return Response.ok(bulk ? subscribed : subscribed.getFirst()).build();
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
