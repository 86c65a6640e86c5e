package io.starlingmq.ops.dashboard;

import io.starlingmq.ops.config.OpsConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /api/v5/dashboard/config}: what the dashboard needs before anyone logs in, which is the login
 * methods. Without credentials, so it holds only what any browser may know: the issuer's URL and the public
 * client the dashboard logs in as, never a secret.
 */
@Path("/api/v5/dashboard/config")
public class DashboardConfigResource {

    @Inject
    OpsConfig config;

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The dashboard's login methods", description = "Starling's own, no credentials: "
            + "api_key (always true) and oidc, {issuer, client_id} when ops takes bearer tokens, else null.")
    public Map<String, Object> config() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("api_key", true);
        body.put("oidc", config.oidc().authServerUrl().map(issuer -> {
            Map<String, Object> oidc = new LinkedHashMap<>();
            oidc.put("issuer", issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer);
            oidc.put("client_id", config.oidc().clientId());
            return oidc;
        }).orElse(null));
        return body;
    }
}
