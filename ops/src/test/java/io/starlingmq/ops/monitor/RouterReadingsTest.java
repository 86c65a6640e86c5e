package io.starlingmq.ops.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.starlingmq.contract.admin.v1.LinkedGateway;
import io.starlingmq.contract.admin.v1.ListGatewaysReply;
import io.starlingmq.contract.admin.v1.MetricsReply;
import io.starlingmq.contract.admin.v1.StatsReply;
import io.starlingmq.ops.routers.RouterAdminClients.RouterAnswer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouterReadingsTest {

    private static <T> RouterAnswer<T> answered(String router, T reply) {
        return new RouterAnswer<>(router, Optional.of(reply), "");
    }

    private static <T> RouterAnswer<T> silent(String router) {
        return new RouterAnswer<>(router, Optional.empty(), "UNAVAILABLE");
    }

    private static LinkedGateway gateway(String id, int connections, long lastHeard) {
        return LinkedGateway.newBuilder().setGatewayId(id).setConnections(connections).setLastHeardMillis(lastHeard)
                .build();
    }

    @Test
    void countsFromTheFirstAnsweringRouterCountersPerRouterGatewaysFromTheFreshestHeartbeat() {
        StatsReply stats = StatsReply.newBuilder().setConnections(7).setSessions(9).setSubscriptions(11).setRetained(2)
                .build();
        Reading reading = RouterReadings.of(42,
                List.of(silent("r1"), answered("r2", stats)),
                List.of(silent("r1"), answered("r2", MetricsReply.newBuilder().setMessagesReceived(5).build())),
                List.of(answered("r1", ListGatewaysReply.newBuilder().addGateways(gateway("g-a", 3, 1_500))
                                .addGateways(gateway("g-b", 4, 100)).build()),
                        answered("r2", ListGatewaysReply.newBuilder().addGateways(gateway("g-a", 4, 200)).build())))
                .orElseThrow();
        assertThat(reading.timeMillis()).isEqualTo(42);
        assertThat(reading.connections()).isEqualTo(7);
        assertThat(reading.sessions()).isEqualTo(9);
        assertThat(reading.subscriptions()).isEqualTo(11);
        assertThat(reading.retained()).isEqualTo(2);
        assertThat(reading.counters()).containsOnlyKeys("r2");
        assertThat(reading.totals().received()).isEqualTo(5);
        assertThat(reading.gateways()).containsEntry("g-a", 4L).containsEntry("g-b", 4L).hasSize(2);
    }

    @Test
    void noReadingWhenNoRouterAnswersTheStats() {
        assertThat(RouterReadings.of(1, List.of(silent("r1")), List.of(silent("r1")), List.of(silent("r1"))))
                .isEmpty();
    }
}
