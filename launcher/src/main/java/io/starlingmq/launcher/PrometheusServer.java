package io.starlingmq.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code prometheus} (Debian's package) on 127.0.0.1 that scrapes the given targets' {@code /q/metrics}
 * at a fixed interval, with its configuration and its time series database in a folder of its own. Ready
 * once {@code /-/ready} answers; {@link #query} asks its HTTP API for an instant PromQL query.
 */
public final class PrometheusServer implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** A sample of an instant vector or a scalar: {@code "value":[<time>,"<number>"]}. */
    private static final Pattern SAMPLE = Pattern.compile("\"value\":\\[[^,\\]]+,\"([^\"]+)\"\\]");

    private final ManagedProcess process;
    private final int port;

    private PrometheusServer(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * A process to scrape: {@code job} becomes Prometheus's {@code job} label (the part, e.g. {@code gateway}),
     * {@code name} a {@code name} label (e.g. {@code gateway-a}), {@code port} where {@code /q/metrics} answers.
     */
    public record Target(String job, String name, int port) {
    }

    /**
     * Writes the configuration into {@code dir}, starts Prometheus listening on {@code port} with its
     * database under {@code dir}, its output in {@code log}, and waits until it is ready.
     */
    public static PrometheusServer start(int port, Duration scrapeInterval, List<Target> targets, Path dir, Path log,
                                         ProcessSession session) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, configuration(scrapeInterval, targets));
        List<String> command = List.of(Executables.require("prometheus", "prometheus").toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn");
        ManagedProcess process = ManagedProcess.start("prometheus", command, Map.of(), log, session);
        process.awaitReady(Readiness.httpOk("http://127.0.0.1:" + port + "/-/ready"), READY_TIMEOUT);
        return new PrometheusServer(process, port);
    }

    /** The configuration {@link #start} writes: one scrape job per distinct {@link Target#job()}. */
    static String configuration(Duration scrapeInterval, List<Target> targets) {
        String interval = scrapeInterval.toMillis() + "ms";
        Map<String, List<Target>> byJob = new LinkedHashMap<>();
        for (Target target : targets) {
            byJob.computeIfAbsent(target.job(), job -> new ArrayList<>()).add(target);
        }
        StringBuilder cfg = new StringBuilder();
        cfg.append("global:\n")
                .append("  scrape_interval: ").append(interval).append('\n')
                .append("  scrape_timeout: ").append(interval).append('\n')
                .append("  evaluation_interval: ").append(interval).append('\n')
                .append("scrape_configs:\n");
        byJob.forEach((job, members) -> {
            cfg.append("  - job_name: '").append(job).append("'\n")
                    .append("    metrics_path: /q/metrics\n")
                    .append("    static_configs:\n");
            for (Target target : members) {
                cfg.append("      - targets: ['127.0.0.1:").append(target.port()).append("']\n")
                        .append("        labels: {name: '").append(target.name()).append("'}\n");
            }
        });
        return cfg.toString();
    }

    /**
     * The values of an instant query now: one per series of a vector, one for a scalar, none for an
     * empty result. Fails when Prometheus refuses the query (a syntax error names itself).
     */
    public List<Double> query(String promql) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        if (response.statusCode() != 200 || !body.contains("\"status\":\"success\"")) {
            throw new IOException("Prometheus refused " + promql + ": " + response.statusCode() + " " + body);
        }
        List<Double> values = new ArrayList<>();
        Matcher sample = SAMPLE.matcher(body);
        while (sample.find()) {
            values.add(Double.parseDouble(sample.group(1)));
        }
        return values;
    }

    public int port() {
        return port;
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
