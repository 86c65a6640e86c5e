package io.starlingmq.ops.api;

import io.starlingmq.contract.admin.v1.ListRetainedReply;
import io.starlingmq.contract.link.v1.Message;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /api/v5/mqtt/retainer}: the retained messages, through the routers' replicas. */
@Path("/api/v5/mqtt/retainer")
@Produces(MediaType.APPLICATION_JSON)
public class RetainerResource {


    @Inject
    RouterAdminClients routers;

    @GET
    @Path("/messages")
    @RolesAllowed({Role.ADMIN_NAME, Role.VIEWER_NAME})
    @Operation(summary = "List retained messages",
            description = "As EMQX: page (from 1) and limit (default 100), data without payloads, meta with page, limit, "
                    + "count and hasnext. In topic order. Differs from EMQX: no msgid and no publish_at (Starling "
                    + "keeps neither); from_clientid is the publisher.")
    public Response list(@QueryParam("page") @DefaultValue("1") int page, @QueryParam("limit") @DefaultValue("100") int limit) {
        PageRequest paging = new PageRequest(page, limit);
        if (paging.problem().isPresent()) {
            return paging.problem().get();
        }
        long offset = paging.offset();
        if (offset > Integer.MAX_VALUE) {
            return new ApiError("BAD_REQUEST", "page: too far").response(Response.Status.BAD_REQUEST);
        }
        ListRetainedReply reply = routers.listRetained((int) offset, limit);
        List<Map<String, Object>> data = reply.getMessagesList().stream().map(m -> summary(m)).toList();
        return paging.answer(data, reply.getTotal());
    }

    @GET
    @Path("/message/{topic: .+}")
    @RolesAllowed({Role.ADMIN_NAME, Role.VIEWER_NAME})
    @Operation(summary = "One retained message", description = "As EMQX: the topic URL-encoded in the path; the payload "
            + "base64-encoded; 404 NOT_FOUND when the topic retains nothing.")
    public Response get(@PathParam("topic") String topic) {
        return routers.getRetained(topic).map(m -> {
            Map<String, Object> body = new LinkedHashMap<>(summary(m));
            body.put("payload", Base64.getEncoder().encodeToString(m.getPayload().toByteArray()));
            return Response.ok(body).build();
        }).orElseGet(RetainerResource::notFound);
    }

    @DELETE
    @Path("/message/{topic: .+}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Delete a retained message", description = "As EMQX: 204, or 404 NOT_FOUND when the topic retains "
            + "nothing. Removed from the store, which every router follows; nothing is delivered to subscribers.")
    public Response delete(@PathParam("topic") String topic) {
        return routers.deleteRetained(topic) ? Response.noContent().build() : notFound();
    }

    private static Map<String, Object> summary(Message m) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("topic", m.getTopic());
        summary.put("qos", m.getQos());
        summary.put("from_clientid", m.getPublisher());
        return summary;
    }

    private static Response notFound() {
        return new ApiError("NOT_FOUND", "Viewed message not found").response(Response.Status.NOT_FOUND);
    }
}
