package io.starlingmq.ops.monitor;

import io.starlingmq.contract.admin.v1.LinkedGateway;
import io.starlingmq.contract.admin.v1.ListGatewaysReply;
import io.starlingmq.contract.admin.v1.MetricsReply;
import io.starlingmq.contract.admin.v1.StatsReply;
import io.starlingmq.ops.routers.RouterAdminClients;
import io.starlingmq.ops.routers.RouterAdminClients.RouterAnswer;
import io.starlingmq.ops.routers.RoutersUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the routers' stats, counters and gateways (the calls {@code /stats}, {@code /metrics} and {@code /nodes} make). */
@ApplicationScoped
public class RouterReadings {

    private final RouterAdminClients routers;
    private final Clock clock;

    @Inject
    public RouterReadings(RouterAdminClients routers) {
        this(routers, Clock.systemUTC());
    }

    RouterReadings(RouterAdminClients routers, Clock clock) {
        this.routers = routers;
        this.clock = clock;
    }

    /**
     * The routers' answers now.
     *
     * @throws RoutersUnavailableException when no router answered the stats
     */
    public Reading read() {
        List<RouterAnswer<StatsReply>> stats = routers.stats();
        List<RouterAnswer<MetricsReply>> metrics = routers.metrics();
        List<RouterAnswer<ListGatewaysReply>> gateways = routers.listGateways();
        long now = clock.millis();
        return of(now, stats, metrics, gateways)
                .orElseThrow(() -> new RoutersUnavailableException(stats.stream().map(RouterAnswer::router).toList(),
                        null));
    }

    /** A reading of the answers, or none when no router answered the stats. */
    static Optional<Reading> of(long timeMillis, List<RouterAnswer<StatsReply>> stats,
                                List<RouterAnswer<MetricsReply>> metrics,
                                List<RouterAnswer<ListGatewaysReply>> gateways) {
        Optional<StatsReply> counts = stats.stream().flatMap(a -> a.reply().stream()).findFirst();
        if (counts.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Reading.Counters> counters = new HashMap<>();
        for (RouterAnswer<MetricsReply> answer : metrics) {
            answer.reply().ifPresent(m -> counters.put(answer.router(),
                    new Reading.Counters(m.getMessagesReceived(), m.getMessagesSent(), m.getMessagesDropped())));
        }
        // Every router sees every gateway; the freshest heartbeat's count wins, as in /nodes.
        Map<String, LinkedGateway> freshest = new HashMap<>();
        for (RouterAnswer<ListGatewaysReply> answer : gateways) {
            answer.reply().ifPresent(reply -> reply.getGatewaysList().forEach(g -> freshest.merge(g.getGatewayId(), g,
                    (a, b) -> a.getLastHeardMillis() <= b.getLastHeardMillis() ? a : b)));
        }
        Map<String, Long> perGateway = new HashMap<>();
        freshest.forEach((id, g) -> perGateway.put(id, (long) g.getConnections()));
        StatsReply s = counts.get();
        return Optional.of(new Reading(timeMillis, s.getConnections(), s.getSessions(), s.getSubscriptions(),
                s.getRetained(), counters, perGateway));
    }
}
