package io.starlingmq.systemtests.fleet;

import io.starlingmq.testing.fleet.DeliveryCheck;
import io.starlingmq.systemtests.harness.fleet.DrainSettings;
import io.starlingmq.testing.fleet.FleetClient;
import io.starlingmq.testing.fleet.FleetLoad;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;

/**
 * What the fleet scenarios share: the drain settings, the load, the timings, and the report each prints.
 *
 * <p>The drain is sized so its rate is the binding limit: a third of {@link #SHAPE}'s 300 connections
 * (HAProxy's leastconn spreads them evenly) over a 3 s window would be 33 per second, above the
 * maximum of 20 per second, so a drained gateway takes about 5 s. The timeout leaves it room.
 */
final class FleetScenarios {

    static final DrainSettings DRAIN = new DrainSettings(Duration.ofSeconds(3), 20, Duration.ofSeconds(20),
            Optional.empty());

    /**
     * 4 groups of 6 publishers (one message each per 500 ms: 48 per second), 6 persistent and 2 clean
     * subscribers (each gets its group's 12 per second), and 244 idle clients: 300 connections.
     */
    static final FleetLoad.Shape SHAPE = new FleetLoad.Shape(4, 6, 6, 2, 244, Duration.ofMillis(500));

    /** Publishing before the event, so every session has messages queued and in flight. */
    static final Duration WARM_UP = Duration.ofSeconds(3);
    /** Publishing after every client is back, so the resumed sessions carry on. */
    static final Duration AFTERWARDS = Duration.ofSeconds(2);
    static final Duration EXIT_TIMEOUT = DRAIN.timeout().plusSeconds(20);
    static final Duration BACK_TIMEOUT = Duration.ofSeconds(30);
    static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    private FleetScenarios() {
    }

    /** How the drained clients' connections ended, counted by reason. */
    static Map<String, Long> reasons(List<FleetClient> clients, long from, long to) {
        return clients.stream().flatMap(c -> c.timeline().departuresBetween(from, to).stream().limit(1))
                .collect(Collectors.groupingBy(d -> d.reason(), TreeMap::new, Collectors.counting()));
    }

    /**
     * What every scenario holds whatever it did to the fleet: no acknowledged message lost at a persistent
     * subscriber, no QoS 2 duplicate, every publisher's order kept, every session back as it should be.
     */
    static void assertDeliveredAndResumed(SoftAssertions soft, DeliveryCheck.Result delivery, FleetLoad load,
            List<String> sessionViolations) {
        soft.assertThat(delivery.lost()).as("acknowledged messages lost at persistent subscribers\n"
                + load.explain(delivery)).isEmpty();
        soft.assertThat(delivery.qos2Duplicates()).as("QoS 2 duplicates").isEmpty();
        soft.assertThat(delivery.outOfOrder()).as("per-publisher order").isEmpty();
        soft.assertThat(sessionViolations).as("Session Present and connected at the end").isEmpty();
    }

    /** Prints the scenario's figures: they go into the surefire report beside the assertions. */
    static void report(String scenario, long startedNanos, List<String> lines) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "[fleet %s] %.1f s%n", scenario,
                (System.nanoTime() - startedNanos) / 1e9));
        lines.forEach(line -> text.append("[fleet ").append(scenario).append("] ").append(line).append('\n'));
        System.out.print(text);
    }
}
