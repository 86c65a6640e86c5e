package io.starlingmq.gateway.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.starlingmq.contract.link.v1.FleetLoad;
import io.starlingmq.contract.link.v1.GatewayLoad;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FleetViewTest {

    private static FleetLoad fleet(String id, int connections) {
        return FleetLoad.newBuilder().addGateways(GatewayLoad.newBuilder().setGatewayId(id).setConnections(connections))
                .build();
    }

    @Test
    void theNewestReportOfEachGatewayCounts() {
        FleetView view = new FleetView();
        view.update(fleet("a", 10), 0);
        view.update(fleet("a", 20), 1);

        assertThat(view.current(2, Duration.ofSeconds(6))).extracting(reported -> reported.load().getConnections())
                .containsExactly(20);
    }

    @Test
    void aGatewayNotReportedWithinTheFreshSpanCountsAsGone() {
        FleetView view = new FleetView();
        long second = Duration.ofSeconds(1).toNanos();
        view.update(fleet("old", 10), 0);
        view.update(fleet("recent", 5), 5 * second);

        assertThat(view.current(7 * second, Duration.ofSeconds(6)))
                .extracting(reported -> reported.load().getGatewayId()).containsExactly("recent");
    }
}
