package io.starlingmq.systemtests.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.starlingmq.testing.fleet.DeliveryCheck;
import io.starlingmq.testing.fleet.FleetClock;
import io.starlingmq.testing.fleet.FleetLoad;
import io.starlingmq.systemtests.harness.fleet.GatewayFleet;
import io.starlingmq.testing.fleet.ReconnectWave;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, scenario 4: a gateway SIGKILLed during its own drain (a second signal, the grace period's
 * end, the node lost). Half its clients have been asked to leave and reconnected elsewhere; the other
 * half lose their connection without a word. Still no acknowledged message is lost, no QoS 2 message
 * arrives twice, every publisher's order is kept, and every persistent session resumes with Session
 * Present 1. No pace is asserted: a SIGKILL ends the pacing by definition.
 */
class KillDuringDrainTest extends FleetScenarioTest {

    private static final String DRAINED = "gateway-b";

    @Test
    void aGatewayKilledHalfwayThroughItsDrainLosesNoAcknowledgedMessageAndNoSession() throws Exception {
        long started = System.nanoTime();
        fleet = GatewayFleet.start("fleet-kill-during-drain", 1, FleetScenarios.DRAIN, "gateway-a", DRAINED, "gateway-c");
        load = FleetLoad.connect(FleetScenarios.SHAPE, "127.0.0.1", fleet.port());
        load.startPublishing();
        Thread.sleep(FleetScenarios.WARM_UP.toMillis());

        Map<String, Integer> before = fleet.connectionsPerGateway();
        int draining = before.get(DRAINED);
        long sigterm = FleetClock.now();
        fleet.terminate(DRAINED);
        awaitDepartures(sigterm, draining / 2);
        long departedBeforeKill = load.departedSince(sigterm);
        long kill = FleetClock.now();
        fleet.kill(DRAINED);
        long killed = FleetClock.now();
        load.awaitAllConnected(FleetScenarios.BACK_TIMEOUT);
        Thread.sleep(FleetScenarios.AFTERWARDS.toMillis());
        Map<String, Integer> after = fleet.connectionsPerGateway();
        load.stopPublishing();

        ReconnectWave wave = ReconnectWave.of(load.clients(), sigterm, killed + Duration.ofSeconds(5).toNanos());
        DeliveryCheck.Result delivery = load.awaitDeliveries(FleetScenarios.DELIVERY_TIMEOUT);
        List<String> sessions = load.sessionViolations();
        FleetScenarios.report("kill-during-drain", started, List.of(
                "connections before " + before + ", after " + after,
                String.format("SIGKILL %.2f s after SIGTERM, %d of %d clients asked to leave by then",
                        (kill - sigterm) / 1e9, departedBeforeKill, draining),
                "wave: " + wave.describe(FleetScenarios.DRAIN.maxRate()),
                "before the kill: " + FleetScenarios.reasons(load.clients(), sigterm, kill)
                        + ", after: " + FleetScenarios.reasons(load.clients(), kill, Long.MAX_VALUE),
                "delivery: " + delivery.summary(),
                "sessions: " + (sessions.isEmpty() ? "all back as expected" : sessions.size() + " violations")));

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(departedBeforeKill).as("clients asked to leave before the kill (the kill fell mid-drain)")
                .isGreaterThan(0).isLessThan(draining);
        soft.assertThat(wave.clients()).as("clients that lost the drained gateway").isEqualTo(draining);
        soft.assertThat(wave.notBack()).as("clients not back").isEmpty();
        FleetScenarios.assertDeliveredAndResumed(soft, delivery, load, sessions);
        soft.assertAll();
        assertThat(delivery.acknowledged()).as("the load published").isPositive();
    }

    private void awaitDepartures(long since, int count) throws InterruptedException {
        long end = System.nanoTime() + FleetScenarios.EXIT_TIMEOUT.toNanos();
        while (load.departedSince(since) < count) {
            if (System.nanoTime() > end) {
                throw new AssertionError("fewer than " + count + " clients asked to leave\n" + fleet.logs());
            }
            Thread.sleep(10);
        }
    }
}
