package io.starlingmq.ops.authservice;

import io.starlingmq.ops.api.ApiError;
import io.starlingmq.ops.config.OpsConfig;
import io.starlingmq.ops.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /api/v5/auth_service/devices} and {@code /rules}: the auth service's admin API ({@code /v1/admin/...}),
 * passed on as it is, so the dashboard reaches it through ops alone. The caller's bearer token goes along: the
 * auth service checks it against its own roles (realm roles {@code admin} and {@code viewer}, audience
 * {@code starling-auth}), so ops grants nobody more over devices than the auth service itself would. An API
 * key is ops's own credential and is not passed on.
 */
@Path("/api/v5/auth_service/{kind: devices|rules}")
@Produces(MediaType.APPLICATION_JSON)
public class AuthServiceAdminResource {

    private static final String ADMIN_PATH = "/v1/admin/";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    OpsConfig config;

    @GET
    @RolesAllowed({Role.ADMIN_NAME, Role.VIEWER_NAME})
    @Operation(summary = "The auth service's devices or rules", description = "Starling's own: GET /v1/admin/devices "
            + "or /rules of the auth service with the same query (page from 0, size; rules also scope and subject), "
            + "answered as the auth service answers ({items, page, size, total}). Needs a bearer token the auth "
            + "service accepts; 403 for an API key, 503 when ops has no auth service or it does not answer.")
    public Response list(@PathParam("kind") String kind, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                         @Context UriInfo uri) {
        return pass("GET", kind, null, uri.getRequestUri().getRawQuery(), authorization, null);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.ADMIN_NAME, Role.VIEWER_NAME})
    @Operation(summary = "One device or rule of the auth service")
    public Response one(@PathParam("kind") String kind, @PathParam("id") String id,
                        @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return pass("GET", kind, id, null, authorization, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Create a device or rule in the auth service", description = "The auth service's body: a "
            + "device {clientId, password, username, superuser, enabled}, a rule {scope, subject, priority, permission, "
            + "action, topic}.")
    public Response create(@PathParam("kind") String kind, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           String body) {
        return pass("POST", kind, null, null, authorization, body);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Change a device or replace a rule in the auth service")
    public Response update(@PathParam("kind") String kind, @PathParam("id") String id,
                           @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        return pass("PUT", kind, id, null, authorization, body);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Remove a device or rule from the auth service")
    public Response delete(@PathParam("kind") String kind, @PathParam("id") String id,
                           @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return pass("DELETE", kind, id, null, authorization, null);
    }

    private Response pass(String method, String kind, String id, String rawQuery, String authorization, String body) {
        String base = config.authService().url().orElse(null);
        if (base == null) {
            return new ApiError("SERVICE_UNAVAILABLE", "ops has no auth service (starling.ops.auth-service.url)")
                    .response(Response.Status.SERVICE_UNAVAILABLE);
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new ApiError("FORBIDDEN", "the auth service's admin API takes a single sign-on token; an API key "
                    + "is ops's own and is not passed on").response(Response.Status.FORBIDDEN);
        }
        StringBuilder target = new StringBuilder(base.replaceAll("/+$", "")).append(ADMIN_PATH).append(kind);
        if (id != null) {
            target.append('/').append(URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        if (rawQuery != null && !rawQuery.isEmpty()) {
            target.append('?').append(rawQuery);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.toString()))
                .timeout(config.authService().timeout())
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
        HttpResponse<String> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return unavailable(base, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable(base, "interrupted");
        }
        if (answer.statusCode() == 401) {
            // Passed on as it is, a 401 would read as ops refusing the caller, who is logged in to ops.
            return new ApiError("FORBIDDEN", "the auth service refused the token (it takes tokens with the audience "
                    + "starling-auth)").response(Response.Status.FORBIDDEN);
        }
        Response.ResponseBuilder response = Response.status(answer.statusCode());
        if (!answer.body().isEmpty()) {
            response.entity(answer.body())
                    .type(answer.headers().firstValue(HttpHeaders.CONTENT_TYPE).orElse(MediaType.APPLICATION_JSON));
        }
        return response.build();
    }

    private static Response unavailable(String base, String why) {
        return new ApiError("SERVICE_UNAVAILABLE", "the auth service at " + base + " did not answer: " + why)
                .response(Response.Status.SERVICE_UNAVAILABLE);
    }
}
