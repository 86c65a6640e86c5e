package io.starlingmq.ops.api;

import io.starlingmq.ops.routers.RouterAdminClients;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /api/v5/status}: plain text without credentials, as EMQX answers it, so a probe written for
 * EMQX ("is running") works: 200 while at least one router answers, 503 otherwise.
 */
@Path("/api/v5/status")
public class StatusResource {

    @Inject
    RouterAdminClients routers;

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Whether the broker runs", description = "As EMQX: text, no credentials. Running means at "
            + "least one router answers ops.")
    public Response status() {
        long answering = routers.listGateways().stream().filter(a -> a.reply().isPresent()).count();
        if (answering == 0) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .entity("Node ops is started\nstarling is not running: no router answers\n").build();
        }
        return Response.ok("Node ops is started\nstarling is running\n").build();
    }
}
