package io.starlingmq.router.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.starlingmq.contract.link.v1.FleetLoad;
import io.starlingmq.contract.link.v1.GatewayLoad;
import io.starlingmq.router.testsupport.TestGateway;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A router answers each gateway's heartbeat with the load every linked gateway reported last. */
@QuarkusTest
class FleetLoadTest extends RouterLinkTestBase {

    @Test
    void aHeartbeatIsAnsweredWithTheLoadOfEveryLinkedGateway() {
        TestGateway busy = gateway("busy");
        TestGateway leaving = gateway("leaving");
        busy.reportLoad(900, false);
        leaving.reportLoad(40, true);

        FleetLoad seenByBusy = busy.awaitFleetLoad(fleet -> loads(fleet).containsKey(id("busy"))
                && loads(fleet).containsKey(id("leaving")) && loads(fleet).get(id("leaving")).getDraining());

        assertThat(loads(seenByBusy).get(id("busy")).getConnections()).isEqualTo(900);
        assertThat(loads(seenByBusy).get(id("busy")).getDraining()).isFalse();
        assertThat(loads(seenByBusy).get(id("leaving")).getConnections()).isEqualTo(40);
    }

    @Test
    void aGatewayWhoseStreamEndedIsNoLongerInTheFleet() throws Exception {
        TestGateway staying = gateway("staying");
        TestGateway gone = gateway("gone");
        staying.reportLoad(10, false);
        gone.reportLoad(20, false);
        staying.awaitFleetLoad(fleet -> loads(fleet).containsKey(id("gone")));

        gone.close();

        staying.awaitFleetLoad(fleet -> loads(fleet).containsKey(id("staying")) && !loads(fleet).containsKey(id("gone")));
    }

    private static Map<String, GatewayLoad> loads(FleetLoad fleet) {
        return fleet.getGatewaysList().stream().collect(Collectors.toMap(GatewayLoad::getGatewayId, load -> load));
    }
}
