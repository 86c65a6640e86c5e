package io.starlingmq.ops.api;

import io.starlingmq.ops.routers.RouterAdminClients;
import io.starlingmq.ops.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/** {@code /api/v5/clients}: the clients, through the routers. */
@Path("/api/v5/clients")
@Produces(MediaType.APPLICATION_JSON)
public class ClientsResource {

    private static final Logger LOG = Logger.getLogger(ClientsResource.class);

    @Inject
    RouterAdminClients routers;

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
            return new ApiError("CLIENTID_NOT_FOUND", "Client ID not found").response(Response.Status.NOT_FOUND);
        }
        LOG.infof("client %s kicked through the admin API", clientId);
        return Response.noContent().build();
    }
}
