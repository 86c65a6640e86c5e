package io.starlingmq.ops.api;

import io.starlingmq.contract.link.v1.Message;
import io.starlingmq.ops.routers.RouterAdminClients;
import io.starlingmq.ops.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code POST /api/v5/publish} and {@code /api/v5/publish/bulk}: messages published as the broker's own, through a router. */
@Path("/api/v5/publish")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PublishResource {

    /** EMQX's reason code for a publish no subscription matched (MQTT's 0x10 No matching subscribers). */
    static final int NO_MATCHING_SUBSCRIBERS = 16;

    private final SecureRandom random = new SecureRandom();

    @Inject
    RouterAdminClients routers;

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Publish a message",
            description = "As EMQX: 200 {\"id\"} when a subscription matched, 202 {\"reason_code\":16,\"message\":"
                    + "\"no_matching_subscribers\"} when none did (a retained message is stored all the same), 400 "
                    + "naming the first bad field. The id is ops's own for the call; the message carries none.")
    public Response publish(PublishRequestBody body) {
        try {
            Map<String, Object> result = publishOne(PublishRequests.toMessage(body));
            int status = result.containsKey("reason_code") ? 202 : 200;
            return Response.status(status).entity(result).build();
        } catch (PublishRequests.BadField e) {
            return new ApiError("BAD_REQUEST", e.getMessage()).response(Response.Status.BAD_REQUEST);
        }
    }

    @POST
    @Path("/bulk")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Publish messages in order",
            description = "As EMQX: one result per message in order, each as /publish answers it; the status is 200 "
                    + "when any matched, else 202. Nothing is published when a message is bad (400 naming it).")
    public Response publishBulk(List<PublishRequestBody> bodies) {
        if (bodies == null || bodies.isEmpty()) {
            return new ApiError("BAD_REQUEST", "body: a non-empty JSON array of messages is required")
                    .response(Response.Status.BAD_REQUEST);
        }
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            try {
                messages.add(PublishRequests.toMessage(bodies.get(i)));
            } catch (PublishRequests.BadField e) {
                return new ApiError("BAD_REQUEST", "[" + i + "]." + e.getMessage()).response(Response.Status.BAD_REQUEST);
            }
        }
        List<Map<String, Object>> results = new ArrayList<>();
        messages.forEach(m -> results.add(publishOne(m)));
        boolean anyMatched = results.stream().anyMatch(r -> !r.containsKey("reason_code"));
        return Response.status(anyMatched ? 200 : 202).entity(results).build();
    }

    private Map<String, Object> publishOne(Message message) {
        String id = HexFormat.of().formatHex(randomId());
        if (routers.publish(message)) {
            return Map.of("id", id);
        }
        return Map.of("id", id, "reason_code", NO_MATCHING_SUBSCRIBERS, "message", "no_matching_subscribers");
    }

    private byte[] randomId() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return id;
    }
}
