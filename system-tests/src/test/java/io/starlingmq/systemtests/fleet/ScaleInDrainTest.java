package io.starlingmq.systemtests.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.starlingmq.testing.fleet.ClientProfile;
import io.starlingmq.testing.fleet.DeliveryCheck;
import io.starlingmq.systemtests.harness.fleet.DrainSettings;
import io.starlingmq.testing.fleet.FleetClock;
import io.starlingmq.testing.fleet.FleetLoad;
import io.starlingmq.systemtests.harness.fleet.GatewayFleet;
import io.starlingmq.testing.fleet.ReconnectWave;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, scenario 1, scale-in: three gateways behind HAProxy under a steady load of a few hundred
 * clients; one gets SIGTERM, as an HPA scale-in does. Its clients leave at the drain's pace and come back
 * through the other two: no acknowledged message lost, no QoS 2 duplicate, every publisher's order kept,
 * every persistent session resumed (Session Present 1), and the clients' reconnect wave within the
 * configured rate.
 */
class ScaleInDrainTest extends FleetScenarioTest {

    private static final String DRAINED = "gateway-b";

    @Test
    void sigtermToOneOfThreeGatewaysDrainsItsClientsAtTheConfiguredPaceAndLosesNothing() throws Exception {
        long started = System.nanoTime();
        // MQTT 5 clients are told to use another server: the load balancer, which sends them to another gateway.
        fleet = GatewayFleet.start("fleet-scale-in", 1, FleetScenarios.DRAIN.withServerReference(DrainSettings.LOAD_BALANCER),
                "gateway-a", DRAINED, "gateway-c");
        String reference = fleet.address();
        load = FleetLoad.connect(FleetScenarios.SHAPE, "127.0.0.1", fleet.port());
        load.startPublishing();
        Thread.sleep(FleetScenarios.WARM_UP.toMillis());

        Map<String, Integer> before = fleet.connectionsPerGateway();
        fleet.haproxy().admin().clearCounters();
        long sigterm = FleetClock.now();
        fleet.terminate(DRAINED);
        boolean exited = fleet.awaitExit(DRAINED, FleetScenarios.EXIT_TIMEOUT);
        long exit = FleetClock.now();
        load.awaitAllConnected(FleetScenarios.BACK_TIMEOUT);
        Thread.sleep(FleetScenarios.AFTERWARDS.toMillis());
        Map<String, Integer> after = fleet.connectionsPerGateway();
        int lbPeakRate = fleet.haproxy().admin().stats().get("front").maxSessionRate();
        load.stopPublishing();

        ReconnectWave wave = ReconnectWave.of(load.clients(), sigterm, exit);
        DeliveryCheck.Result delivery = load.awaitDeliveries(FleetScenarios.DELIVERY_TIMEOUT);
        List<String> sessions = load.sessionViolations();
        List<String> wrongReason = wrongDisconnectReasons(sigterm, exit, reference);
        FleetScenarios.report("scale-in", started, List.of(
                "connections before " + before + ", after " + after,
                "drain: " + wave.describe(FleetScenarios.DRAIN.maxRate()),
                "load balancer: peak new sessions per second (HAProxy's estimate) " + lbPeakRate,
                "delivery: " + delivery.summary(),
                "sessions: " + (sessions.isEmpty() ? "all back as expected" : sessions.size() + " violations"),
                "disconnect reasons: " + FleetScenarios.reasons(load.clients(), sigterm, exit)));

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(exited).as("the drained gateway exited").isTrue();
        soft.assertThat(wave.clients()).as("clients that left = the drained gateway's connections (HAProxy)")
                .isEqualTo(before.get(DRAINED));
        soft.assertThat(wave.notBack()).as("drained clients not back").isEmpty();
        FleetScenarios.assertDeliveredAndResumed(soft, delivery, load, sessions);
        soft.assertThat(wrongReason).as("MQTT 5 clients told 0x9C Use another server, reference " + reference)
                .isEmpty();
        soft.assertThat(wave.latencySpreadNanos()).as("spread of reconnect latencies (ns)")
                .isLessThanOrEqualTo(ReconnectWave.MAX_LATENCY_SPREAD_NANOS);
        soft.assertThat(wave.peakReconnects()).as("peak reconnects in any 1 s window, bound "
                        + "ceil(max-rate x (1 + 2 x latency spread)); " + wave.describe(FleetScenarios.DRAIN.maxRate()))
                .isLessThanOrEqualTo(wave.bound(FleetScenarios.DRAIN.maxRate()));
        soft.assertAll();
        assertThat(delivery.acknowledged()).as("the load published").isPositive();
    }

    /** Drained MQTT 5 clients whose connection did not end with DISCONNECT 0x9C carrying the reference. */
    private List<String> wrongDisconnectReasons(long from, long to, String reference) {
        String expected = "0x9C reference=" + reference;
        return load.clients().stream().filter(c -> c.profile().version() == ClientProfile.Version.V5)
                .flatMap(c -> c.timeline().departuresBetween(from, to).stream().limit(1)
                        .filter(d -> !d.reason().equals(expected)).map(d -> c.id() + ": " + d.reason()))
                .toList();
    }
}
