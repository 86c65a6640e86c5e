package io.starlingmq.ops.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.starlingmq.ops.security.ApiKeyStore;
import io.starlingmq.ops.security.ApiKeyStore.StoredKey;
import io.starlingmq.ops.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /api/v5/api_key}: API keys kept in PostgreSQL, managed by admins only. */
@Path("/api/v5/api_key")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class ApiKeyResource {

    @Inject
    ApiKeyStore store;

    Clock clock = Clock.systemUTC();

    @GET
    @Operation(summary = "List API keys", description = "As EMQX, without secrets; only the keys created through the API "
            + "(the bootstrap file's keys are not listed). 503 when ops has no database.")
    public Uni<Response> list() {
        return store.list().map(keys -> Response.ok(keys.stream().map(k -> view(k, Optional.empty())).toList()).build());
    }

    @POST
    @Operation(summary = "Create an API key", description = "As EMQX: body name (letters, digits, - and _, from a letter), "
            + "desc, expired_at (RFC 3339, or \"infinity\" / absent for never), enable (default true), role (admin, the "
            + "default, or viewer). 200 with api_key and api_secret: the secret is shown this once and kept only as a "
            + "salted hash. 400 BAD_REQUEST naming the bad field, or when the name is taken.")
    public Uni<Response> create(JsonNode body) {
        ApiKeyRequests.NewKey key;
        try {
            key = ApiKeyRequests.newKey(body);
        } catch (ApiKeyRequests.BadField e) {
            return badRequest(e.getMessage());
        }
        return store.create(key.name(), key.role(), key.desc(), key.enable(), key.expiredAt())
                .map(created -> Response.ok(view(created.key(), Optional.of(created.apiSecret()))).build());
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "One API key", description = "As EMQX, without its secret; 404 NOT_FOUND.")
    public Uni<Response> get(@PathParam("name") String name) {
        return store.get(name).map(key -> key.map(k -> Response.ok(view(k, Optional.empty())).build())
                .orElseGet(ApiKeyResource::notFound));
    }

    @PUT
    @Path("/{name}")
    @Operation(summary = "Change an API key", description = "As EMQX: desc, enable, expired_at, role; a field left out is "
            + "kept (EMQX resets a missing expired_at to never and a missing role to its default). A disabled or expired "
            + "key is refused from the next request on. 404 NOT_FOUND, 400 naming the bad field.")
    public Uni<Response> update(@PathParam("name") String name, JsonNode body) {
        ApiKeyStore.Change change;
        try {
            change = ApiKeyRequests.change(body);
        } catch (ApiKeyRequests.BadField e) {
            return badRequest(e.getMessage());
        }
        return store.update(name, change).map(key -> key.map(k -> Response.ok(view(k, Optional.empty())).build())
                .orElseGet(ApiKeyResource::notFound));
    }

    @DELETE
    @Path("/{name}")
    @Operation(summary = "Delete an API key", description = "As EMQX: 204, 404 NOT_FOUND. The key is refused from the next "
            + "request on.")
    public Uni<Response> delete(@PathParam("name") String name) {
        return store.delete(name).map(deleted -> deleted ? Response.noContent().build() : notFound());
    }

    private Map<String, Object> view(StoredKey key, Optional<String> secret) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", key.name());
        view.put("api_key", key.apiKey());
        secret.ifPresent(s -> view.put("api_secret", s));
        view.put("desc", key.desc());
        view.put("role", key.role().roleName());
        view.put("enable", key.enable());
        view.put("expired_at", key.expiredAt().map(ApiKeyResource::rfc3339).orElse("infinity"));
        view.put("expired", key.expired(clock.instant()));
        view.put("created_at", rfc3339(key.createdAt()));
        return view;
    }

    private static String rfc3339(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toString();
    }

    private static Uni<Response> badRequest(String message) {
        return Uni.createFrom().item(new ApiError("BAD_REQUEST", message).response(Response.Status.BAD_REQUEST));
    }

    private static Response notFound() {
        return new ApiError("NOT_FOUND", "Name NOT FOUND").response(Response.Status.NOT_FOUND);
    }
}
