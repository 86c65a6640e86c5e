package io.starlingmq.bench.listing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Times queries as a script would see them: one HTTP client, one request after another, the whole answer read.
 * The queries take turns, one request each per round, so none is favoured by running after the others warmed
 * the JIT or by a quieter moment of the machine.
 */
final class ListingTimer {

    /** Times of one query, milliseconds, and what its answer was. */
    record Timing(ListingQuery query, double p50, double p90, double p99, double max, int bytes, int entries) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int opsPort;
    private final String authorization;

    ListingTimer(int opsPort) {
        this.opsPort = opsPort;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (ListingSuite.KEY + ":" + ListingSuite.SECRET).getBytes(StandardCharsets.UTF_8));
    }

    List<Timing> time(List<ListingQuery> queries, int warmUpRounds, int measuredRounds)
            throws IOException, InterruptedException {
        List<HttpRequest> requests = new ArrayList<>();
        List<Histogram> micros = new ArrayList<>();
        for (ListingQuery query : queries) {
            requests.add(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + opsPort + "/api/v5/clients?"
                            + query.query()))
                    .header("Authorization", authorization).timeout(Duration.ofSeconds(30)).GET().build());
            micros.add(new Histogram(60_000_000L, 3));
        }
        for (int round = 0; round < warmUpRounds; round++) {
            for (HttpRequest request : requests) {
                send(request);
            }
        }
        List<String> lastBodies = new ArrayList<>();
        for (int round = 0; round < measuredRounds; round++) {
            lastBodies.clear();
            for (int i = 0; i < requests.size(); i++) {
                long start = System.nanoTime();
                lastBodies.add(send(requests.get(i)).body());
                micros.get(i).recordValue(Math.max(1, (System.nanoTime() - start) / 1_000));
            }
        }
        List<Timing> timings = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            Histogram h = micros.get(i);
            String body = lastBodies.get(i);
            timings.add(new Timing(queries.get(i), ms(h, 50), ms(h, 90), ms(h, 99), h.getMaxValue() / 1000.0,
                    body.getBytes(StandardCharsets.UTF_8).length, count(body, "\"clientid\":")));
        }
        return timings;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static double ms(Histogram micros, double percentile) {
        return micros.getValueAtPercentile(percentile) / 1000.0;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }
}
