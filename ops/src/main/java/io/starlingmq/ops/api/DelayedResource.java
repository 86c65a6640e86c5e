package io.starlingmq.ops.api;

import io.starlingmq.contract.admin.v1.DelayedEntry;
import io.starlingmq.contract.admin.v1.ListDelayedReply;
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

/** {@code /api/v5/mqtt/delayed/messages}: the delayed publishes ({@code $delayed/{seconds}/{topic}}) not yet due. */
@Path("/api/v5/mqtt/delayed/messages")
@Produces(MediaType.APPLICATION_JSON)
public class DelayedResource {

    @Inject
    RouterAdminClients routers;

    @GET
    @RolesAllowed({Role.ADMIN_NAME, Role.VIEWER_NAME})
    @Operation(summary = "List delayed messages", description = "As EMQX: page (from 1) and limit (default 100), in the "
            + "order they fall due; data of {msgid, publish_at, delayed_interval, delayed_remaining, expected_at, topic, "
            + "qos, from_clientid} without payloads; meta with page, limit, count, hasnext. Differs from EMQX: no node "
            + "(the routers share one store) and no from_username; msgid is the store's id.")
    public Response list(@QueryParam("page") @DefaultValue("1") int page,
                         @QueryParam("limit") @DefaultValue("100") int limit) {
        PageRequest paging = new PageRequest(page, limit);
        if (paging.problem().isPresent()) {
            return paging.problem().get();
        }
        ListDelayedReply reply = routers.listDelayed(paging.offset(), limit);
        long now = System.currentTimeMillis();
        List<Map<String, Object>> data = reply.getEntriesList().stream().map(entry -> summary(entry, now)).toList();
        return paging.answer(data, reply.getTotal());
    }

    @GET
    @Path("/{msgid}")
    @RolesAllowed({Role.ADMIN_NAME, Role.VIEWER_NAME})
    @Operation(summary = "One delayed message", description = "As an entry of the list, with its payload base64-encoded; "
            + "404 NOT_FOUND once it was published or removed.")
    public Response get(@PathParam("msgid") String id) {
        return routers.delayed(id).map(entry -> {
            Map<String, Object> body = new LinkedHashMap<>(summary(entry, System.currentTimeMillis()));
            body.put("payload", Base64.getEncoder().encodeToString(entry.getMessage().getPayload().toByteArray()));
            return Response.ok(body).build();
        }).orElseGet(DelayedResource::notFound);
    }

    @DELETE
    @Path("/{msgid}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Delete a delayed message", description = "As EMQX: 204, or 404 NOT_FOUND. A message a router "
            + "claimed in the last moment before its due time may still be published.")
    public Response delete(@PathParam("msgid") String id) {
        return routers.deleteDelayed(id) ? Response.noContent().build() : notFound();
    }

    private static Map<String, Object> summary(DelayedEntry entry, long now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("msgid", entry.getId());
        body.put("publish_at", ApiTimes.format(entry.getReceivedAt()));
        body.put("delayed_interval", Math.max(0, (entry.getDueAt() - entry.getReceivedAt()) / 1000));
        body.put("delayed_remaining", Math.max(0, (entry.getDueAt() - now + 999) / 1000));
        body.put("expected_at", ApiTimes.format(entry.getDueAt()));
        body.put("topic", entry.getMessage().getTopic());
        body.put("qos", entry.getMessage().getQos());
        body.put("from_clientid", entry.getMessage().getPublisher());
        return body;
    }

    private static Response notFound() {
        return new ApiError("NOT_FOUND", "Delayed message not found").response(Response.Status.NOT_FOUND);
    }
}
