package io.starlingmq.ops.api;

import io.starlingmq.contract.admin.v1.ClientSubscription;
import io.starlingmq.contract.admin.v1.ListSubscriptionsReply;
import io.starlingmq.contract.admin.v1.ListSubscriptionsRequest;
import io.starlingmq.contract.admin.v1.ListedSubscription;
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

/** {@code /api/v5/subscriptions}: every session's subscriptions, from a router's index. */
@Path("/api/v5/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionsResource {

    @Inject
    RouterAdminClients routers;

    @GET
    @RolesAllowed({Role.ADMIN_NAME, Role.VIEWER_NAME})
    @Operation(summary = "List subscriptions", description = "As EMQX: page (from 1) and limit (default 100, at most "
            + "10,000); filters clientid, topic (the filter as subscribed, a shared one with its $share/group/ prefix), "
            + "qos, share_group, match_topic (a filter: the subscriptions whose filters fall under it, t/# finding t/1 and t/+); data of {clientid, topic, "
            + "qos, nl, rap, rh}; meta with page, limit, hasnext, and count when nothing filters. In client id, then "
            + "filter order. Differs from EMQX: no node (every router holds every subscription).")
    public Response list(@QueryParam("page") @DefaultValue("1") int page,
                         @QueryParam("limit") @DefaultValue("100") int limit,
                         @QueryParam("clientid") String clientId,
                         @QueryParam("topic") String topic,
                         @QueryParam("qos") String qos,
                         @QueryParam("share_group") String shareGroup,
                         @QueryParam("match_topic") String matchTopic) {
        PageRequest paging = new PageRequest(page, limit);
        if (paging.problem().isPresent()) {
            return paging.problem().get();
        }
        ListSubscriptionsRequest.Builder request = ListSubscriptionsRequest.newBuilder().setLimit(limit)
                .setSkip(paging.offset()).setClientId(orEmpty(clientId)).setTopic(orEmpty(topic))
                .setShareGroup(orEmpty(shareGroup)).setMatchTopic(orEmpty(matchTopic));
        if (qos != null && !qos.isEmpty()) {
            if (!qos.matches("[012]")) {
                return badRequest("qos: 0, 1 or 2");
            }
            request.setQos(Integer.parseInt(qos));
        }
        ListSubscriptionsReply reply = routers.listSubscriptions(request.build());
        List<Map<String, Object>> data = reply.getSubscriptionsList().stream().map(SubscriptionsResource::json).toList();
        return paging.answer(data, reply.getTotal() >= 0 ? reply.getTotal() : null, reply.getHasNext());
    }

    static Map<String, Object> json(String clientId, ClientSubscription s) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("clientid", clientId);
        one.put("topic", s.getFilter());
        one.put("qos", s.getQos());
        one.put("nl", s.getNoLocal() ? 1 : 0);
        one.put("rap", s.getRetainAsPublished() ? 1 : 0);
        one.put("rh", s.getRetainHandling());
        return one;
    }

    private static Map<String, Object> json(ListedSubscription listed) {
        return json(listed.getClientId(), listed.getSubscription());
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static Response badRequest(String message) {
        return new ApiError("BAD_REQUEST", message).response(Response.Status.BAD_REQUEST);
    }
}
