package io.starlingmq.gateway.rebalance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.starlingmq.contract.link.v1.GatewayLoad;
import java.util.List;
import org.junit.jupiter.api.Test;

class RebalancePlanTest {

    private static GatewayLoad load(String id, int connections, boolean draining) {
        return GatewayLoad.newBuilder().setGatewayId(id).setConnections(connections).setDraining(draining).build();
    }

    @Test
    void aNewEmptyGatewayMakesTheOthersShedDownToTheShare() {
        // 3 × 900 and a new one with 0: the share is 675.
        List<GatewayLoad> fleet = List.of(load("a", 900, false), load("b", 900, false), load("c", 900, false),
                load("new", 0, false));

        assertThat(RebalancePlan.surplus("a", 900, fleet, 0.2)).isEqualTo(225);
        assertThat(RebalancePlan.surplus("new", 0, fleet, 0.2)).isZero();
    }

    @Test
    void withinTheToleranceNothingMoves() {
        List<GatewayLoad> fleet = List.of(load("b", 100, false));

        assertThat(RebalancePlan.surplus("a", 119, fleet, 0.2)).as("share 109.5, bound 131.4").isZero();
        assertThat(RebalancePlan.surplus("a", 140, fleet, 0.2)).as("share 120, bound 144").isZero();
        assertThat(RebalancePlan.surplus("a", 150, fleet, 0.2)).as("share 125, bound 150").isZero();
        assertThat(RebalancePlan.surplus("a", 151, fleet, 0.2)).as("share 125.5").isEqualTo(25);
    }

    @Test
    void drainingGatewaysCountForNoShare() {
        List<GatewayLoad> fleet = List.of(load("leaving", 0, true), load("b", 500, false));

        assertThat(RebalancePlan.surplus("a", 500, fleet, 0.1)).isZero();
    }

    @Test
    void aGatewayAloneHasNoOneToShedTo() {
        assertThat(RebalancePlan.surplus("a", 1000, List.of(), 0.2)).isZero();
        assertThat(RebalancePlan.surplus("a", 1000, List.of(load("a", 1000, false)), 0.2)).isZero();
    }

    @Test
    void itsOwnReportIsReplacedByItsCountNow() {
        List<GatewayLoad> fleet = List.of(load("a", 0, false), load("b", 100, false));

        assertThat(RebalancePlan.surplus("a", 300, fleet, 0.2)).as("share 200").isEqualTo(100);
    }

    @Test
    void aNegativeToleranceIsRefused() {
        assertThatThrownBy(() -> RebalancePlan.surplus("a", 1, List.of(), -0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tolerance");
    }
}
