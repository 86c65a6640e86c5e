package io.starlingmq.auth.admin;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.starlingmq.auth.config.AuthConfig;
import io.starlingmq.auth.registry.RuleEntity;
import io.starlingmq.auth.registry.RuleRepository;
import io.starlingmq.auth.registry.RuleScope;
import io.starlingmq.rules.TopicFilters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** CRUD for registry access rules. */
@Path("/v1/admin/rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "admin: rules")
@SecurityRequirement(name = "SecurityScheme")
public class RuleAdminResource {

    private static final int MAX_SUBJECT_LENGTH = 256;
    private static final int MAX_TOPIC_LENGTH = 1024;

    private final RuleRepository rules;
    private final AuthConfig config;

    public RuleAdminResource(RuleRepository rules, AuthConfig config) {
        this.rules = rules;
        this.config = config;
    }

    @GET
    @RolesAllowed({"admin", "viewer"})
    @WithSession
    @Operation(summary = "List rules, optionally of one scope and subject, by scope, priority and id")
    public Uni<ResultPage<RuleView>> list(@QueryParam("scope") RuleScope scope, @QueryParam("subject") String subject,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest paging = PageRequest.of(page, size, config);
        Sort order = Sort.by("scope").and("priority").and("id");
        var query = scope == null
                ? rules.findAll(order)
                : subject == null
                        ? rules.find("scope = :scope", order, Parameters.with("scope", scope))
                        : rules.find("scope = :scope and subject = :subject", order,
                                Parameters.with("scope", scope).and("subject", subject));
        var paged = query.page(paging.toPanache());
        return paged.list().flatMap(items -> paged.count().map(total -> new ResultPage<>(
                items.stream().map(RuleView::of).toList(), paging.page(), paging.size(), total)));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"admin", "viewer"})
    @WithSession
    @Operation(summary = "Show one rule")
    public Uni<RuleView> get(@PathParam("id") long id) {
        return rules.findById(id).map(rule -> RuleView.of(existing(rule, id)));
    }

    @POST
    @RolesAllowed("admin")
    @Operation(summary = "Add a rule")
    public Uni<Response> create(RuleView input) {
        validate(input);
        RuleEntity rule = new RuleEntity();
        apply(rule, input);
        return Panache.withTransaction(() -> rules.persist(rule))
                .map(saved -> Response.status(Response.Status.CREATED).entity(RuleView.of(saved)).build());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed("admin")
    @Operation(summary = "Replace a rule")
    public Uni<RuleView> update(@PathParam("id") long id, RuleView input) {
        validate(input);
        return Panache.withTransaction(() -> rules.findById(id).map(rule -> {
            RuleEntity changed = existing(rule, id);
            apply(changed, input);
            return RuleView.of(changed);
        }));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("admin")
    @Operation(summary = "Remove a rule")
    public Uni<Response> delete(@PathParam("id") long id) {
        return Panache.withTransaction(() -> rules.deleteById(id)).map(deleted -> {
            if (!deleted) {
                throw new NotFoundException("no rule " + id);
            }
            return Response.noContent().build();
        });
    }

    private static void apply(RuleEntity rule, RuleView input) {
        rule.scope = input.scope();
        rule.subject = input.scope() == RuleScope.ALL ? null : input.subject();
        rule.priority = input.priority();
        rule.permission = input.permission();
        rule.action = input.action();
        rule.topic = input.topic();
    }

    private static void validate(RuleView input) {
        if (input == null || input.scope() == null || input.permission() == null || input.action() == null) {
            throw new BadRequestException("scope, permission and action are required");
        }
        if (input.scope() != RuleScope.ALL
                && (input.subject() == null || input.subject().isEmpty() || input.subject().length() > MAX_SUBJECT_LENGTH)) {
            throw new BadRequestException("subject is required for scope " + input.scope().wireName());
        }
        if (input.topic() == null || input.topic().length() > MAX_TOPIC_LENGTH || !TopicFilters.isValidFilter(input.topic())) {
            throw new BadRequestException("topic must be a valid MQTT topic filter");
        }
    }

    private static RuleEntity existing(RuleEntity rule, long id) {
        if (rule == null) {
            throw new NotFoundException("no rule " + id);
        }
        return rule;
    }
}
