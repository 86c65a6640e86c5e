package io.starlingmq.systemtests.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.starlingmq.testing.fleet.DeliveryCheck;
import io.starlingmq.testing.fleet.FleetClock;
import io.starlingmq.testing.fleet.FleetLoad;
import io.starlingmq.systemtests.harness.fleet.GatewayFleet;
import io.starlingmq.testing.fleet.ReconnectWave;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, scenario 2, rolling update: each of three gateways is replaced in turn, as a Deployment's
 * rollout with a surge of one does it: the new gateway starts and joins the load balancer once ready,
 * then the old one gets SIGTERM and drains, and leaves the load balancer once it exited. Every drain is
 * judged as in the scale-in (its clients' reconnect wave within the configured rate), and the whole
 * update as one: no acknowledged message lost, no QoS 2 duplicate, order kept, every persistent
 * session resumed every time (a client may move more than once).
 */
class RollingUpdateTest extends FleetScenarioTest {

    private static final List<String> OLD = List.of("gateway-a", "gateway-b", "gateway-c");

    private record Step(String gateway, int connections, boolean exited, ReconnectWave wave) {
    }

    @Test
    void replacingEveryGatewayInTurnDrainsEachAtTheConfiguredPaceAndLosesNothing() throws Exception {
        long started = System.nanoTime();
        fleet = GatewayFleet.start("fleet-rolling-update", 1, FleetScenarios.DRAIN, OLD.toArray(String[]::new));
        load = FleetLoad.connect(FleetScenarios.SHAPE, "127.0.0.1", fleet.port());
        load.startPublishing();
        Thread.sleep(FleetScenarios.WARM_UP.toMillis());

        List<Step> steps = new ArrayList<>();
        List<String> report = new ArrayList<>();
        for (String old : OLD) {
            fleet.addGateway(old + "-v2");
            Map<String, Integer> before = fleet.connectionsPerGateway();
            long sigterm = FleetClock.now();
            fleet.terminate(old);
            boolean exited = fleet.awaitExit(old, FleetScenarios.EXIT_TIMEOUT);
            long exit = FleetClock.now();
            load.awaitAllConnected(FleetScenarios.BACK_TIMEOUT);
            fleet.removeFromLoadBalancer(old);
            ReconnectWave wave = ReconnectWave.of(load.clients(), sigterm, exit);
            steps.add(new Step(old, before.get(old), exited, wave));
            report.add(old + ": before " + before + "; " + wave.describe(FleetScenarios.DRAIN.maxRate()));
        }
        Thread.sleep(FleetScenarios.AFTERWARDS.toMillis());
        report.add("connections after " + fleet.connectionsPerGateway());
        load.stopPublishing();

        DeliveryCheck.Result delivery = load.awaitDeliveries(FleetScenarios.DELIVERY_TIMEOUT);
        List<String> sessions = load.sessionViolations();
        report.add("delivery: " + delivery.summary());
        report.add("sessions: " + (sessions.isEmpty() ? "all back as expected" : sessions.size() + " violations"));
        FleetScenarios.report("rolling-update", started, report);

        SoftAssertions soft = new SoftAssertions();
        for (Step step : steps) {
            int maxRate = FleetScenarios.DRAIN.maxRate();
            soft.assertThat(step.exited()).as(step.gateway() + " exited").isTrue();
            soft.assertThat(step.wave().clients()).as(step.gateway() + ": clients that left = its connections (HAProxy)")
                    .isEqualTo(step.connections());
            soft.assertThat(step.wave().latencySpreadNanos()).as(step.gateway() + ": spread of reconnect latencies (ns)")
                    .isLessThanOrEqualTo(ReconnectWave.MAX_LATENCY_SPREAD_NANOS);
            soft.assertThat(step.wave().peakReconnects()).as(step.gateway() + ": peak reconnects in any 1 s window; "
                    + step.wave().describe(maxRate)).isLessThanOrEqualTo(step.wave().bound(maxRate));
        }
        FleetScenarios.assertDeliveredAndResumed(soft, delivery, load, sessions);
        soft.assertAll();
        assertThat(delivery.acknowledged()).as("the load published").isPositive();
    }
}
