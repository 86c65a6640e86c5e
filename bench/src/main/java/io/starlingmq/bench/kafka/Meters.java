package io.starlingmq.bench.kafka;

import io.starlingmq.bench.brokers.MetricsPage;
import io.starlingmq.bench.brokers.PrometheusText;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

/** Reads the meters a step reports from the router's, the gateway's and the bridge's {@code /q/metrics}. */
final class Meters {

    /** The router's and the gateway's drop counters and the router's store calls, at one moment. */
    record Broker(double routerQueueFull, double routerDropped, double gatewayDropped, double linkEventsDropped,
                  StoreCalls storeCalls) {

        Broker minus(Broker before) {
            return new Broker(routerQueueFull - before.routerQueueFull, routerDropped - before.routerDropped,
                    gatewayDropped - before.gatewayDropped, linkEventsDropped - before.linkEventsDropped,
                    storeCalls.minus(before.storeCalls));
        }

        /** Every message a broker counter says it dropped (the router's total includes its queue_full ones). */
        double dropped() {
            return routerDropped + gatewayDropped + linkEventsDropped;
        }
    }

    /** The bridge's rule meters at one moment (the gauges as they were, the counters since its start). */
    record Bridge(double inFlight, double oldestInFlightSeconds, double acknowledged, double failed,
                  double deadLettered) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final KafkaSuite suite;

    Meters(KafkaSuite suite) {
        this.suite = suite;
    }

    Broker broker() {
        String router = scrape(suite.routerHttpPort());
        String gateway = scrape(suite.gatewayHttpPort());
        Map<String, Double> byReason = PrometheusText.counterByLabel(router, "starling.router.messages.dropped.by.reason",
                "reason");
        return new Broker(byReason.getOrDefault("queue_full", 0.0),
                required(router, "starling.router.messages.dropped"),
                required(gateway, "starling.gateway.deliveries.dropped"),
                required(gateway, "starling.gateway.link.events.dropped"),
                StoreCalls.parse(router));
    }

    Bridge bridge() {
        String text = scrape(suite.bridgeHttpPort());
        return new Bridge(required(text, "starling.bridge.in.flight"),
                required(text, "starling.bridge.oldest.in.flight.seconds"),
                required(text, "starling.bridge.messages.acknowledged"),
                required(text, "starling.bridge.messages.failed"),
                required(text, "starling.bridge.messages.dead.lettered"));
    }

    /** A meter that is missing is an error, never a zero: a renamed meter must not read as "nothing happened". */
    private static double required(String text, String meter) {
        return PrometheusText.counter(text, meter).orElseThrow(
                () -> new IllegalStateException("no meter " + meter + " (renamed, or the app's metrics off?)"));
    }

    private String scrape(int port) {
        URI uri = URI.create("http://127.0.0.1:" + port + "/q/metrics");
        return MetricsPage.read(http, uri, TIMEOUT);
    }
}
