package io.starlingmq.bench.listing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.HdrHistogram.Histogram;

/** Times a query as a script would see it: one HTTP client, one request after another, the whole answer read. */
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

    Timing time(ListingQuery query, int warmUp, int measured) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + opsPort + "/api/v5/clients?"
                        + query.query()))
                .header("Authorization", authorization).timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> last = null;
        for (int i = 0; i < warmUp; i++) {
            last = send(request);
        }
        Histogram micros = new Histogram(60_000_000L, 3);
        for (int i = 0; i < measured; i++) {
            long start = System.nanoTime();
            last = send(request);
            micros.recordValue(Math.max(1, (System.nanoTime() - start) / 1_000));
        }
        String body = last.body();
        return new Timing(query, ms(micros, 50), ms(micros, 90), ms(micros, 99), micros.getMaxValue() / 1000.0,
                body.getBytes(StandardCharsets.UTF_8).length, count(body, "\"clientid\":"));
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
