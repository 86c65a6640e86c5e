package io.starlingmq.ops.api;

import io.starlingmq.contract.admin.v1.ListTopicsReply;
import io.starlingmq.contract.admin.v1.ListTopicsRequest;
import io.starlingmq.ops.routers.RouterAdminClients;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /api/v5/topics}: the routes, the topic filters that have subscriptions. */
@Path("/api/v5/topics")
@Produces(MediaType.APPLICATION_JSON)
public class TopicsResource {

    @Inject
    RouterAdminClients routers;

    @GET
    @RolesAllowed({Role.ADMIN_NAME, Role.VIEWER_NAME})
    @Operation(summary = "List topics (routes)", description = "As EMQX: page (from 1) and limit (default 100); filter "
            + "topic (exactly); data of {topic}, in order; meta with page, limit, hasnext, and count without the filter. "
            + "A shared subscription's route is its filter without the $share/group/ prefix. Differs from EMQX: no node "
            + "(every router routes every topic); Starling adds sessions, how many subscriptions the filter has.")
    public Response list(@QueryParam("page") @DefaultValue("1") int page,
                         @QueryParam("limit") @DefaultValue("100") int limit,
                         @QueryParam("topic") String topic) {
        PageRequest paging = new PageRequest(page, limit);
        if (paging.problem().isPresent()) {
            return paging.problem().get();
        }
        ListTopicsReply reply = routers.listTopics(ListTopicsRequest.newBuilder().setLimit(limit)
                .setSkip(paging.offset()).setTopic(topic == null ? "" : topic).build());
        List<Map<String, Object>> data = reply.getTopicsList().stream().map(route -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("topic", route.getTopic());
            one.put("sessions", route.getSessions());
            return one;
        }).toList();
        return paging.answer(data, reply.getTotal() >= 0 ? reply.getTotal() : null, reply.getHasNext());
    }
}
