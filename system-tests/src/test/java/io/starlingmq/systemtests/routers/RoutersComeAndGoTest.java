package io.starlingmq.systemtests.routers;

import static org.assertj.core.api.Assertions.assertThat;

import io.starlingmq.launcher.RunningPart;
import io.starlingmq.systemtests.harness.MetricsScrape;
import io.starlingmq.systemtests.harness.StarlingSuite;
import io.starlingmq.testing.fleet.DeliveryCheck;
import io.starlingmq.testing.fleet.FleetClock;
import io.starlingmq.testing.fleet.FleetLoad;
import io.starlingmq.testing.fleet.ReconnectWave;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, routers that come and go, under load (publishers at QoS 0, 1 and 2, persistent and clean
 * subscribers, idle clients, all on one gateway that lists three routers): the fleet starts with two routers
 * running; the third starts (scale-out) and takes over the client ids that now map to it; one router is
 * SIGKILLed and its clients come back on the others; another gets SIGTERM, leaves, and its clients move to the
 * last one before it exits (scale-in to one). Throughout: no acknowledged message lost at a persistent
 * subscriber, no QoS 2 duplicate, each publisher's order kept, every session back; the planned moves come as a
 * wave within the gateway's rate.
 */
class RoutersComeAndGoTest {

    private static final String GATEWAY = "gateway-a";
    private static final int MOVES_PER_SECOND = 20;
    private static final String MOVED = "starling_gateway_clients_asked_to_leave_total";
    private static final String ROUTER_MOVE = "reason=\"router_move\"";
    /** 3 groups of 4 publishers (one message each per 500 ms), 3 persistent and 1 clean subscriber each, 60 idle. */
    private static final FleetLoad.Shape SHAPE = new FleetLoad.Shape(3, 4, 3, 1, 60, Duration.ofMillis(500));
    private static final Duration SETTLED = Duration.ofSeconds(60);

    private StarlingSuite suite;
    private FleetLoad load;

    @AfterEach
    void stop() {
        if (load != null) {
            load.close();
        }
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void routersScaledTwoToThreeToOneWithOneKilledLoseNothingAndMoveClientsAtTheGatewaysPace() throws Exception {
        long started = System.nanoTime();
        suite = StarlingSuite.start("routers-come-and-go", 2);
        suite.reserveRouter("router-c");
        RunningPart gateway = suite.startGateway(GATEWAY, Map.of(
                "STARLING_GATEWAY_ROUTER_MOVES_MAX_RATE", Integer.toString(MOVES_PER_SECOND),
                // the router not running yet is tried again every second, not every five
                "STARLING_GATEWAY_LINK_RECONNECT_MAX", "1s"));
        load = FleetLoad.connect(SHAPE, "127.0.0.1", suite.mqttPort(GATEWAY));
        load.startPublishing();
        Thread.sleep(3000);

        // scale-out: 2 -> 3
        long scaleOut = FleetClock.now();
        suite.startReservedRouter("router-c", Map.of());
        double movedToC = awaitMovesSettled(gateway, 0);
        long scaledOut = FleetClock.now();
        ReconnectWave outWave = ReconnectWave.of(load.clients(), scaleOut, scaledOut);

        // a router dies: its clients lose their connection and come back on the other two
        long kill = FleetClock.now();
        suite.process("router-a").kill();
        awaitDepartureSince(kill);
        load.awaitAllConnected(SETTLED);
        long killed = FleetClock.now();
        int lostWithRouterA = ReconnectWave.of(load.clients(), kill, killed).clients();
        double beforeScaleIn = moved(gateway);

        // scale-in: 2 -> 1, router-b leaves before it exits
        long scaleIn = FleetClock.now();
        suite.process("router-b").terminate();
        boolean exited = suite.process("router-b").awaitExit(SETTLED);
        load.awaitAllConnected(SETTLED);
        long scaledIn = FleetClock.now();
        double movedFromB = moved(gateway) - beforeScaleIn;
        ReconnectWave inWave = ReconnectWave.of(load.clients(), scaleIn, scaledIn);

        Thread.sleep(2000);
        load.stopPublishing();
        DeliveryCheck.Result delivery = load.awaitDeliveries(Duration.ofSeconds(30));
        List<String> sessions = load.sessionViolations();
        System.out.printf(Locale.ROOT, "[routers] %.1f s; scale-out: %.0f moved to router-c (%s); router-a killed: "
                        + "%d clients came back; scale-in: %.0f moved off router-b (%s), exited %s; delivery: %s%n",
                (System.nanoTime() - started) / 1e9, movedToC, outWave.describe(MOVES_PER_SECOND), lostWithRouterA,
                movedFromB, inWave.describe(MOVES_PER_SECOND), exited, delivery.summary());

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(movedToC).as("clients moved to the router that joined").isPositive()
                .isLessThan(SHAPE.connections());
        soft.assertThat(outWave.notBack()).as("moved clients not back").isEmpty();
        soft.assertThat(outWave.peakReconnects()).as("peak reconnects of the scale-out in any 1 s window; "
                + outWave.describe(MOVES_PER_SECOND)).isLessThanOrEqualTo(outWave.bound(MOVES_PER_SECOND));
        soft.assertThat(lostWithRouterA).as("clients of the killed router").isPositive();
        soft.assertThat(exited).as("the leaving router exited once its clients moved").isTrue();
        soft.assertThat(movedFromB).as("clients moved off the leaving router").isPositive();
        soft.assertThat(inWave.peakReconnects()).as("peak reconnects of the scale-in in any 1 s window; "
                + inWave.describe(MOVES_PER_SECOND)).isLessThanOrEqualTo(inWave.bound(MOVES_PER_SECOND));
        assertDeliveredAndResumed(soft, delivery, sessions);
        soft.assertAll();
        assertThat(delivery.acknowledged()).as("the load published").isPositive();
    }

    /**
     * Every router leaves at once (both get SIGTERM, as a recreate of the whole set would): no gateway can move
     * anything, so each stops waiting and exits holding its sessions; the clients are refused until a new router
     * runs, then come back to it. Nothing acknowledged may be lost on the way.
     */
    @Test
    void whenEveryRouterLeavesAtOnceAndANewOneComesTheSessionsCarryOnWithNothingLost() throws Exception {
        long started = System.nanoTime();
        suite = StarlingSuite.start("routers-all-replaced", 2);
        suite.reserveRouter("router-c");
        suite.startGateway(GATEWAY, Map.of("STARLING_GATEWAY_LINK_RECONNECT_MAX", "1s"));
        load = FleetLoad.connect(SHAPE, "127.0.0.1", suite.mqttPort(GATEWAY));
        load.startPublishing();
        Thread.sleep(3000);

        suite.process("router-a").terminate();
        suite.process("router-b").terminate();
        boolean aExited = suite.process("router-a").awaitExit(SETTLED);
        boolean bExited = suite.process("router-b").awaitExit(SETTLED);
        suite.startReservedRouter("router-c", Map.of());
        load.awaitAllConnected(SETTLED);
        Thread.sleep(2000);
        load.stopPublishing();
        DeliveryCheck.Result delivery = load.awaitDeliveries(Duration.ofSeconds(30));
        List<String> sessions = load.sessionViolations();
        System.out.printf(Locale.ROOT, "[routers replaced] %.1f s; exited %s %s; delivery: %s%n",
                (System.nanoTime() - started) / 1e9, aExited, bExited, delivery.summary());

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(aExited && bExited).as("both routers exited").isTrue();
        assertDeliveredAndResumed(soft, delivery, sessions);
        soft.assertAll();
    }

    /** No acknowledged message lost at a persistent subscriber, no QoS 2 duplicate, order kept, every session back. */
    private void assertDeliveredAndResumed(SoftAssertions soft, DeliveryCheck.Result delivery, List<String> sessions) {
        soft.assertThat(delivery.lost()).as("acknowledged messages lost at persistent subscribers\n"
                + load.explain(delivery)).isEmpty();
        soft.assertThat(delivery.qos2Duplicates()).as("QoS 2 duplicates").isEmpty();
        soft.assertThat(delivery.outOfOrder()).as("per-publisher order").isEmpty();
        soft.assertThat(sessions).as("Session Present and connected at the end").isEmpty();
    }

    /** Waits until some client lost its connection after {@code since} ({@link FleetClock#now()}). */
    private void awaitDepartureSince(long since) throws InterruptedException {
        long end = System.nanoTime() + SETTLED.toNanos();
        while (load.departedSince(since) == 0) {
            if (System.nanoTime() > end) {
                throw new AssertionError("no client lost its connection\n" + suite.logs());
            }
            Thread.sleep(10);
        }
        // the gateway closes all of the router's connections at once; let the last of them go
        Thread.sleep(500);
    }

    /** Waits until the gateway's router moves stopped growing and every client is connected; answers the moves. */
    private double awaitMovesSettled(RunningPart gateway, double before) throws Exception {
        long end = System.nanoTime() + SETTLED.toNanos();
        double last = -1;
        long stableSince = System.nanoTime();
        while (System.nanoTime() < end) {
            double now = moved(gateway) - before;
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            } else if (now > 0 && System.nanoTime() - stableSince > Duration.ofSeconds(3).toNanos()) {
                load.awaitAllConnected(SETTLED);
                return now;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the router moves did not settle: " + last + "\n" + suite.logs());
    }

    private static double moved(RunningPart gateway) throws IOException, InterruptedException {
        return MetricsScrape.of(gateway).sum(MOVED, ROUTER_MOVE);
    }
}
