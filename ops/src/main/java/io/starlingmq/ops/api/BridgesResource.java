package io.starlingmq.ops.api;

import io.starlingmq.ops.bridges.BridgeRules;
import io.starlingmq.ops.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /api/v5/bridges}: the data bridges' rules, as each configured bridge reports them. */
@Path("/api/v5/bridges")
@Produces(MediaType.APPLICATION_JSON)
public class BridgesResource {

    @Inject
    BridgeRules bridges;

    @GET
    @RolesAllowed({Role.ADMIN_NAME, Role.VIEWER_NAME})
    @Operation(summary = "List the bridges' rules", description = "Every rule of every bridge in "
            + "starling.ops.bridges.urls: bridge (its URL), name, kind (mqtt-to-kafka, kafka-to-mqtt, mqtt-to-s3, ...), "
            + "route, status (up or down) and detail (why it is down). A bridge that does not answer is one entry "
            + "with status unreachable. Differs from EMQX: rules come from the bridges' own files and are read "
            + "only; EMQX's /bridges also creates and changes them.")
    public List<BridgeRules.BridgeRule> list() {
        return bridges.all();
    }
}
