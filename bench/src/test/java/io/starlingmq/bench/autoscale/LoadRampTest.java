package io.starlingmq.bench.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoadRampTest {

    private static final List<LoadRamp.Point> RAMP = List.of(new LoadRamp.Point(10, 100), new LoadRamp.Point(70, 700),
            new LoadRamp.Point(100, 700), new LoadRamp.Point(130, 100));

    @Test
    void theIdleClientsFollowStraightLinesBetweenThePointsAndHoldBeforeAndAfter() {
        assertThat(LoadRamp.idleAt(RAMP, 0)).isEqualTo(100);
        assertThat(LoadRamp.idleAt(RAMP, 40)).isEqualTo(400);
        assertThat(LoadRamp.idleAt(RAMP, 85)).isEqualTo(700);
        assertThat(LoadRamp.idleAt(RAMP, 115)).isEqualTo(400);
        assertThat(LoadRamp.idleAt(RAMP, 500)).isEqualTo(100);
    }
}
