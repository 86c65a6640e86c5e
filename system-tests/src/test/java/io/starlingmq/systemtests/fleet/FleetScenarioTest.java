package io.starlingmq.systemtests.fleet;

import io.starlingmq.testing.fleet.FleetLoad;
import io.starlingmq.systemtests.harness.fleet.GatewayFleet;
import org.junit.jupiter.api.AfterEach;

/** What every fleet scenario holds: the fleet behind its load balancer and the load on it, both stopped after the test. */
abstract class FleetScenarioTest {

    GatewayFleet fleet;
    FleetLoad load;

    @AfterEach
    void stopLoadThenFleet() {
        if (load != null) {
            load.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }
}
