package io.starlingmq.ops.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.identity.SecurityIdentity;
import io.starlingmq.contract.admin.v1.AddBanReply;
import io.starlingmq.contract.admin.v1.BanEntry;
import io.starlingmq.contract.admin.v1.ListBansReply;
import io.starlingmq.ops.routers.RouterAdminClients;
import io.starlingmq.ops.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/** {@code /api/v5/banned}: the banned list, kept by the routers in the session store. */
@Path("/api/v5/banned")
@Produces(MediaType.APPLICATION_JSON)
public class BannedResource {

    private static final Logger LOG = Logger.getLogger(BannedResource.class);
    private static final Set<String> KINDS = Set.of("clientid", "username", "peerhost", "clientid_re", "peerhost_net");
    private static final String NEVER = "infinity";

    @Inject
    RouterAdminClients routers;
    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed({Role.ADMIN_NAME, Role.VIEWER_NAME})
    @Operation(summary = "List bans", description = "As EMQX: page (from 1) and limit (default 100); data of "
            + "{as, who, by, reason, at, until} (times in RFC 3339, until \"infinity\" for a ban that never lapses), "
            + "oldest first; meta with page, limit, count, hasnext. Lapsed bans are not listed.")
    public Response list(@QueryParam("page") @DefaultValue("1") int page,
                         @QueryParam("limit") @DefaultValue("100") int limit) {
        PageRequest paging = new PageRequest(page, limit);
        if (paging.problem().isPresent()) {
            return paging.problem().get();
        }
        ListBansReply reply = routers.listBans(paging.offset(), limit);
        List<Map<String, Object>> data = reply.getBansList().stream().map(BannedResource::json).toList();
        return paging.answer(data, reply.getTotal());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Ban", description = "As EMQX: {as, who, by, reason, at, until}; as is clientid, username, "
            + "peerhost (an IP address), clientid_re (a regular expression found anywhere in the client id) or "
            + "peerhost_net (CIDR); by defaults to the caller, at to now, until to never (\"infinity\"). 200 with the "
            + "ban; 400 ALREADY_EXISTS for a ban of the same as and who, 400 naming a bad field. Connected clients the "
            + "ban covers are disconnected on every gateway (MQTT 5: DISCONNECT 0x98 Administrative action; the "
            + "DISCONNECT packet has no Banned code); their next CONNECT is refused with CONNACK 0x8A Banned (3.1.1: "
            + "return code 5, not authorized). Bans are stored in the session store and survive restarts.")
    public Response ban(JsonNode body) {
        if (body == null || !body.isObject()) {
            return badRequest("the body must be a JSON object");
        }
        String as = text(body, "as");
        if (as == null || !KINDS.contains(as)) {
            return badRequest("as: one of clientid, username, peerhost, clientid_re, peerhost_net");
        }
        String who = text(body, "who");
        if (who == null || who.isEmpty()) {
            return badRequest("who: required");
        }
        BanEntry.Builder ban = BanEntry.newBuilder().setKind(as).setWho(who)
                .setBy(Optional.ofNullable(text(body, "by")).orElse(identity.getPrincipal().getName()))
                .setReason(Optional.ofNullable(text(body, "reason")).orElse(""));
        String at = text(body, "at");
        if (at != null) {
            Optional<Long> parsed = ApiTimes.parse(at);
            if (parsed.isEmpty()) {
                return badRequest("at: an RFC 3339 time, such as 2026-01-31T12:00:00Z");
            }
            ban.setAt(parsed.get());
        }
        String until = text(body, "until");
        if (until != null && !until.equals(NEVER)) {
            Optional<Long> parsed = ApiTimes.parse(until);
            if (parsed.isEmpty()) {
                return badRequest("until: an RFC 3339 time, such as 2026-01-31T12:00:00Z, or \"infinity\"");
            }
            ban.setUntil(parsed.get());
        }
        AddBanReply reply = routers.addBan(ban.build(), false);
        LOG.infof("banned %s %s by %s; %d connected clients told to disconnect", as, who, reply.getBan().getBy(),
                reply.getDisconnected());
        return Response.ok(json(reply.getBan())).build();
    }

    @DELETE
    @Path("/{as}/{who: .+}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Lift a ban", description = "As EMQX: who URL-encoded (a network's slash as %2F); 204, or 404 "
            + "NOT_FOUND when there is no such ban.")
    public Response lift(@PathParam("as") String as, @PathParam("who") String who) {
        if (!KINDS.contains(as)) {
            return badRequest("as: one of clientid, username, peerhost, clientid_re, peerhost_net");
        }
        if (!routers.deleteBan(as, who)) {
            return new ApiError("NOT_FOUND", "Banned object not found").response(Response.Status.NOT_FOUND);
        }
        LOG.infof("ban of %s %s lifted by %s", as, who, identity.getPrincipal().getName());
        return Response.noContent().build();
    }

    private static Map<String, Object> json(BanEntry ban) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("as", ban.getKind());
        json.put("who", ban.getWho());
        json.put("by", ban.getBy());
        json.put("reason", ban.getReason());
        json.put("at", ApiTimes.format(ban.getAt()));
        json.put("until", ban.getUntil() == 0 ? NEVER : ApiTimes.format(ban.getUntil()));
        return json;
    }

    /** A string field; null when absent or JSON null. A field of another type is refused by the caller's checks. */
    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Response badRequest(String message) {
        return new ApiError("BAD_REQUEST", message).response(Response.Status.BAD_REQUEST);
    }
}
