package io.starlingmq.systemtests.harness;

import io.starlingmq.launcher.RunningPart;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One read of a process's Prometheus page ({@code /q/metrics}). A meter is summed over its label sets,
 * or over those carrying a given label; a meter the page does not have fails the read, so a renamed
 * meter cannot pass for a zero.
 */
public final class MetricsScrape {

    /** HTTP/1.1: no h2c upgrade to negotiate with the process under test. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final String text;

    private MetricsScrape(String text) {
        this.text = text;
    }

    public static MetricsScrape of(RunningPart process) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + process.httpPort() + "/q/metrics"))
                .timeout(READ_TIMEOUT).build();
        HttpResponse<String> response;
        try {
            // Bounded here as well: a read once waited past the request's own timeout and held a test for minutes.
            response = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .get(READ_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException("/q/metrics of " + process.name() + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("/q/metrics of " + process.name() + " did not answer within " + READ_TIMEOUT, e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("/q/metrics of " + process.name() + " answered " + response.statusCode());
        }
        return new MetricsScrape(response.body());
    }

    /** The sum of every sample of the meter, whatever its labels. */
    public double sum(String meter) {
        return sum(meter, "");
    }

    /** The sum of the meter's samples whose label set contains {@code label} (e.g. {@code reason="queue_full"}). */
    public double sum(String meter, String label) {
        double total = 0;
        boolean found = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(meter + " ") || line.startsWith(meter + "{"))) {
                continue;
            }
            int valueStart = line.lastIndexOf(' ');
            String labels = line.substring(meter.length(), valueStart);
            if (!labels.contains(label)) {
                continue;
            }
            found = true;
            total += Double.parseDouble(line.substring(valueStart + 1));
        }
        if (!found) {
            throw new IllegalStateException("no sample of " + meter + (label.isEmpty() ? "" : " with " + label));
        }
        return total;
    }
}
