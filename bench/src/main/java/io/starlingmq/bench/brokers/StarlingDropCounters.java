package io.starlingmq.bench.brokers;

import io.starlingmq.bench.counters.DropCounters;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

/** Scrapes the gateway's and the router's {@code /q/metrics} for their drop counters. */
final class StarlingDropCounters {

    static final String GATEWAY_DELIVERIES = "starling.gateway.deliveries.dropped";
    static final String GATEWAY_LINK_EVENTS = "starling.gateway.link.events.dropped";
    static final String ROUTER_MESSAGES = "starling.router.messages.dropped";
    /** The label the gateway's delivery drops may carry, saying which bound dropped them. */
    static final String REASON = "reason";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI gateway;
    private final URI router;

    StarlingDropCounters(int gatewayHttpPort, int routerHttpPort) {
        this.gateway = URI.create("http://127.0.0.1:" + gatewayHttpPort + "/q/metrics");
        this.router = URI.create("http://127.0.0.1:" + routerHttpPort + "/q/metrics");
    }

    DropCounters read() {
        String gatewayText = scrape(gateway);
        String routerText = scrape(router);
        Map<String, Double> byReason = PrometheusText.counterByLabel(gatewayText, GATEWAY_DELIVERIES, REASON);
        // Split by reason only once the meter has the label; until then the total alone says it.
        boolean labelled = byReason.keySet().stream().anyMatch(r -> !r.equals(PrometheusText.NO_LABEL));
        return new DropCounters(counter(gatewayText, GATEWAY_DELIVERIES, gateway), counter(routerText, ROUTER_MESSAGES, router),
                counter(gatewayText, GATEWAY_LINK_EVENTS, gateway), labelled ? byReason : Map.of());
    }

    /** A meter that is missing is an error, never a zero: a renamed meter must not read as "nothing dropped". */
    private static double counter(String text, String meter, URI from) {
        return PrometheusText.counter(text, meter).orElseThrow(
                () -> new IllegalStateException("no meter " + meter + " at " + from + " (renamed, or the app's metrics off?)"));
    }

    private String scrape(URI uri) {
        return MetricsPage.read(http, uri, TIMEOUT);
    }
}
