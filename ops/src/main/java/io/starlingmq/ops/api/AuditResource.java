package io.starlingmq.ops.api;

import io.smallrye.mutiny.Uni;
import io.starlingmq.ops.audit.AuditEntry;
import io.starlingmq.ops.audit.AuditLog;
import io.starlingmq.ops.audit.AuditQuery;
import io.starlingmq.ops.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /api/v5/audit}: the changes made through the API, newest first; admins only, as in EMQX. */
@Path("/api/v5/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditLog audit;

    @GET
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "List the audit trail", description = "As EMQX: newest first, page (from 1) and limit (default "
            + "100, at most 10,000), meta with page, limit, count and hasnext; filters from (rest_api for an API key, oidc "
            + "for a bearer token), source (the key's name or the token's user), source_ip, http_method (post, put, "
            + "delete), http_status_code, gte_created_at and lte_created_at (RFC 3339). Each entry: created_at, from, "
            + "source, source_ip, http_method, path, http_status_code, operation_result, duration_ms. Differs from EMQX: "
            + "the request's path instead of operation_id and operation_type, no node, no request body or headers. 503 "
            + "when ops has no database (the trail then goes to the log).")
    public Uni<Response> list(@QueryParam("page") @DefaultValue("1") int page,
            @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("from") String from,
            @QueryParam("source") String source, @QueryParam("source_ip") String sourceIp,
            @QueryParam("http_method") String httpMethod, @QueryParam("http_status_code") Integer httpStatusCode,
            @QueryParam("gte_created_at") String gteCreatedAt, @QueryParam("lte_created_at") String lteCreatedAt) {
        if (!audit.durable()) {
            return answer(new ApiError("SERVICE_UNAVAILABLE", "the audit trail is kept in PostgreSQL, and ops has no "
                    + "database configured (quarkus.datasource.reactive.url); it goes to the log")
                    .response(Response.Status.SERVICE_UNAVAILABLE));
        }
        PageRequest paging = new PageRequest(page, limit);
        if (paging.problem().isPresent()) {
            return answer(paging.problem().get());
        }
        Optional<Instant> gte;
        Optional<Instant> lte;
        try {
            gte = instant(gteCreatedAt);
        } catch (DateTimeParseException e) {
            return badRequest("gte_created_at: an RFC 3339 date-time with offset");
        }
        try {
            lte = instant(lteCreatedAt);
        } catch (DateTimeParseException e) {
            return badRequest("lte_created_at: an RFC 3339 date-time with offset");
        }
        AuditQuery query = new AuditQuery(text(from), text(source), text(sourceIp),
                text(httpMethod).map(m -> m.toLowerCase(Locale.ROOT)), Optional.ofNullable(httpStatusCode), gte, lte, page,
                limit);
        return audit.list(query).map(result -> paging.answer(result.entries().stream().map(AuditResource::view).toList(),
                result.count()));
    }

    private static Map<String, Object> view(AuditEntry e) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("created_at", e.createdAt().atOffset(ZoneOffset.UTC).toString());
        view.put("from", e.from());
        view.put("source", e.source());
        view.put("source_ip", e.sourceIp());
        view.put("http_method", e.httpMethod());
        view.put("path", e.path());
        view.put("http_status_code", e.httpStatusCode());
        view.put("operation_result", e.operationResult());
        view.put("duration_ms", e.durationMs());
        return view;
    }

    private static Optional<String> text(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static Optional<Instant> instant(String value) {
        return text(value).map(v -> OffsetDateTime.parse(v).toInstant());
    }

    private static Uni<Response> badRequest(String message) {
        return answer(new ApiError("BAD_REQUEST", message).response(Response.Status.BAD_REQUEST));
    }

    private static Uni<Response> answer(Response response) {
        return Uni.createFrom().item(response);
    }
}
