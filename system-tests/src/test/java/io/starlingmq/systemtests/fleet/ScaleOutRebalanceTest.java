package io.starlingmq.systemtests.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.starlingmq.testing.fleet.ClientProfile;
import io.starlingmq.testing.fleet.DeliveryCheck;
import io.starlingmq.testing.fleet.FleetClient;
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
 * Issue 17, scenario 3, scale-out: three gateways behind HAProxy carry a steady load; a fourth joins, as an
 * HPA scale-out adds it, and starts empty. The three shed their surplus over the even share (0x9C Use
 * another server), HAProxy's leastconn sends the movers to the newcomer, and every gateway ends within the
 * tolerance of an even share: no acknowledged message lost, no QoS 2 duplicate, order kept, every
 * persistent session resumed, no client moved twice, and the reconnects within the three gateways' pace.
 */
class ScaleOutRebalanceTest extends FleetScenarioTest {

    private static final int MAX_RATE = 20;
    private static final double TOLERANCE = 0.2;
    private static final Duration MIN_AGE = Duration.ofSeconds(4);
    private static final Map<String, String> REBALANCE = Map.of(
            "STARLING_GATEWAY_REBALANCE_INTERVAL", "2s",
            "STARLING_GATEWAY_REBALANCE_TOLERANCE", Double.toString(TOLERANCE),
            "STARLING_GATEWAY_REBALANCE_WINDOW", "2s",
            "STARLING_GATEWAY_REBALANCE_MAX_RATE", Integer.toString(MAX_RATE),
            "STARLING_GATEWAY_REBALANCE_MIN_CONNECTION_AGE", MIN_AGE.toMillis() + "ms");
    private static final List<String> FIRST = List.of("gateway-a", "gateway-b", "gateway-c");
    private static final String NEWCOMER = "gateway-d";
    private static final Duration EVEN_TIMEOUT = Duration.ofSeconds(45);
    /** After the counts are even: long enough for several more rounds, which must move nobody. */
    private static final Duration STAYS_EVEN = Duration.ofSeconds(6);

    @Test
    void aNewGatewayIsFilledFromTheOthersUntilAllAreWithinTheToleranceAndNothingIsLost() throws Exception {
        long started = System.nanoTime();
        fleet = GatewayFleet.start("fleet-scale-out", 1, FleetScenarios.DRAIN, REBALANCE, FIRST.toArray(String[]::new));
        load = FleetLoad.connect(FleetScenarios.SHAPE, "127.0.0.1", fleet.port());
        load.startPublishing();
        // Every connection old enough to be moved, and sessions with messages in flight.
        Thread.sleep(MIN_AGE.plus(FleetScenarios.WARM_UP).toMillis());

        Map<String, Integer> before = fleet.connectionsPerGateway();
        long added = FleetClock.now();
        fleet.addGateway(NEWCOMER);
        long evenAt = awaitEven();
        Thread.sleep(STAYS_EVEN.toMillis());
        Map<String, Integer> after = fleet.connectionsPerGateway();
        long end = FleetClock.now();
        load.awaitAllConnected(FleetScenarios.BACK_TIMEOUT);
        load.stopPublishing();

        ReconnectWave wave = ReconnectWave.of(load.clients(), added, end);
        DeliveryCheck.Result delivery = load.awaitDeliveries(FleetScenarios.DELIVERY_TIMEOUT);
        List<String> sessions = load.sessionViolations();
        List<String> movedTwice = movedMoreThanOnce(added, end);
        List<String> wrongReason = wrongReasons(added, end);
        int bound = FIRST.size() * wave.bound(MAX_RATE);
        FleetScenarios.report("scale-out", started, List.of(
                "connections before " + before + ", after " + after,
                evenAt < 0 ? "not even within " + EVEN_TIMEOUT.toSeconds() + " s"
                        : String.format("even %.1f s after the newcomer joined", (evenAt - added) / 1e9),
                "moves: " + wave.describe(MAX_RATE) + "; bound for three gateways shedding at once " + bound,
                "delivery: " + delivery.summary(),
                "sessions: " + (sessions.isEmpty() ? "all back as expected" : sessions.size() + " violations"),
                "disconnect reasons: " + FleetScenarios.reasons(load.clients(), added, end)));

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(evenAt).as("every gateway within the tolerance of the even share in time").isPositive();
        soft.assertThat(unevenGateways(after)).as("gateways outside the tolerance at the end: " + after).isEmpty();
        soft.assertThat(wave.clients()).as("clients moved").isPositive();
        soft.assertThat(movedTwice).as("clients asked to move more than once").isEmpty();
        soft.assertThat(wave.notBack()).as("moved clients not back").isEmpty();
        FleetScenarios.assertDeliveredAndResumed(soft, delivery, load, sessions);
        soft.assertThat(wrongReason).as("moved MQTT 5 clients told 0x9C Use another server").isEmpty();
        // Three gateways shed at once, each at most MAX_RATE a second: the sum of three single-gateway bounds.
        soft.assertThat(wave.peakReconnects()).as("peak reconnects in any 1 s window").isLessThanOrEqualTo(bound);
        soft.assertAll();
        assertThat(delivery.acknowledged()).as("the load published").isPositive();
    }

    /** Waits until every gateway is within the tolerance of the even share; when, or -1 on timeout. */
    private long awaitEven() throws Exception {
        long deadline = System.nanoTime() + EVEN_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Integer> counts = fleet.connectionsPerGateway();
            if (counts.size() == FIRST.size() + 1 && unevenGateways(counts).isEmpty()) {
                return FleetClock.now();
            }
            Thread.sleep(200);
        }
        return -1;
    }

    /** Gateways whose count is farther from the even share than the tolerance allows. */
    private static List<String> unevenGateways(Map<String, Integer> counts) {
        double share = counts.values().stream().mapToInt(Integer::intValue).sum() / (double) counts.size();
        return counts.entrySet().stream()
                .filter(e -> Math.abs(e.getValue() - share) > share * TOLERANCE)
                .map(e -> e.getKey() + "=" + e.getValue() + " (share " + Math.round(share) + ")")
                .toList();
    }

    private List<String> movedMoreThanOnce(long from, long to) {
        return load.clients().stream().filter(c -> c.timeline().departuresBetween(from, to).size() > 1)
                .map(c -> c.id() + ": " + c.timeline().describe()).toList();
    }

    /** Moved MQTT 5 clients whose connection did not end with DISCONNECT 0x9C (no Server Reference). */
    private List<String> wrongReasons(long from, long to) {
        return load.clients().stream().filter(c -> c.profile().version() == ClientProfile.Version.V5)
                .flatMap((FleetClient c) -> c.timeline().departuresBetween(from, to).stream()
                        .filter(d -> !d.reason().equals("0x9C")).map(d -> c.id() + ": " + d.reason()))
                .toList();
    }
}
