package io.starlingmq.ops.api;

import io.starlingmq.contract.admin.v1.MetricsReply;
import io.starlingmq.ops.routers.RouterAdminClients;
import io.starlingmq.ops.routers.RoutersUnavailableException;
import io.starlingmq.ops.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /api/v5/metrics}: the message counters, with EMQX's dotted names. */
@Path("/api/v5/metrics")
@Produces(MediaType.APPLICATION_JSON)
public class MetricsResource {

    private static final String RECEIVED = "messages.received";
    private static final String SENT = "messages.sent";
    private static final String DROPPED = "messages.dropped";

    @Inject
    RouterAdminClients routers;

    @GET
    @RolesAllowed({Role.ADMIN_NAME, Role.VIEWER_NAME})
    @Operation(summary = "Message counters",
            description = "EMQX's messages.received, messages.sent and messages.dropped, counted by the routers since "
                    + "they started: one object per answering router with its node, or aggregate=true their sum (each "
                    + "router counts what it routed). Not yet: EMQX's per-QoS, byte, client and session counters.")
    public Object metrics(@QueryParam("aggregate") @DefaultValue("false") boolean aggregate) {
        List<RouterAdminClients.RouterAnswer<MetricsReply>> answers = routers.metrics();
        List<Map<String, Object>> perRouter = new ArrayList<>();
        long received = 0;
        long sent = 0;
        long dropped = 0;
        for (RouterAdminClients.RouterAnswer<MetricsReply> answer : answers) {
            if (answer.reply().isEmpty()) {
                continue;
            }
            MetricsReply reply = answer.reply().get();
            received += reply.getMessagesReceived();
            sent += reply.getMessagesSent();
            dropped += reply.getMessagesDropped();
            Map<String, Object> one = counters(reply.getMessagesReceived(), reply.getMessagesSent(), reply.getMessagesDropped());
            one.put("node", answer.router());
            perRouter.add(one);
        }
        if (perRouter.isEmpty()) {
            throw new RoutersUnavailableException(answers.stream().map(RouterAdminClients.RouterAnswer::router).toList(),
                    null);
        }
        return aggregate ? counters(received, sent, dropped) : perRouter;
    }

    private static Map<String, Object> counters(long received, long sent, long dropped) {
        Map<String, Object> counters = new LinkedHashMap<>();
        counters.put(RECEIVED, received);
        counters.put(SENT, sent);
        counters.put(DROPPED, dropped);
        return counters;
    }
}
