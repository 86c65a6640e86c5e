package io.starlingmq.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the real prometheus (Debian package prometheus) scraping a small metrics page of the test's own. */
class PrometheusServerTest {

    @TempDir
    Path dir;

    private HttpServer page;
    private PrometheusServer prometheus;

    @AfterEach
    void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
        if (page != null) {
            page.stop(0);
        }
    }

    @Test
    void scrapesTheTargetsEverySecondAndAnswersQueries() throws Exception {
        AtomicInteger served = new AtomicInteger();
        page = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        page.createContext("/q/metrics", exchange -> {
            int count = served.incrementAndGet();
            byte[] body = ("# TYPE demo_requests_total counter\ndemo_requests_total " + count * 10 + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        page.start();
        prometheus = PrometheusServer.start(FreePort.find(), Duration.ofSeconds(1),
                List.of(new PrometheusServer.Target("demo", "demo-a", page.getAddress().getPort())),
                dir.resolve("prometheus"), dir.resolve("prometheus.log"), ProcessSession.SHARED);

        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (served.get() < 4 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }

        assertThat(served.get()).isGreaterThanOrEqualTo(4);
        assertThat(prometheus.query("up{job=\"demo\",name=\"demo-a\"}")).containsExactly(1.0);
        // Ten more per scrape, one scrape a second: the rate over the last scrapes is 10 a second.
        assertThat(prometheus.query("rate(demo_requests_total[3s])")).singleElement()
                .satisfies(rate -> assertThat(rate).isCloseTo(10.0, org.assertj.core.data.Offset.offset(1.0)));
        assertThat(prometheus.query("absent_series_here")).isEmpty();
        assertThatThrownBy(() -> prometheus.query("rate(demo_requests_total"))
                .isInstanceOf(IOException.class).hasMessageContaining("Prometheus refused");
    }
}
