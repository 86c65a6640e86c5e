package io.starlingmq.gateway.podcost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.starlingmq.gateway.metrics.GatewayMetrics;
import io.starlingmq.gateway.transport.TestCertificates;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pod's deletion cost follows the gateway's connection count, and is written only when it changed. */
class PodDeletionCostTest {

    @TempDir
    Path dir;

    @Test
    void theCostFollowsTheConnectionCountOnlyWhenItChanges() throws Exception {
        TestCertificates certificates = TestCertificates.generate();
        Path token = Files.writeString(dir.resolve("token"), "t");
        GatewayMetrics metrics = new GatewayMetrics(new SimpleMeterRegistry());
        try (FakeKubernetesApi api = new FakeKubernetesApi(certificates)) {
            PodDeletionCost cost = new PodDeletionCost(config(api.uri(), token, certificates.caFile()), metrics);
            metrics.connectionOpened();
            cost.onStart(null);
            try {
                await().atMost(Duration.ofSeconds(10)).until(() -> api.requests().size() == 1);
                assertThat(api.requests().getFirst().body()).contains("\"controller.kubernetes.io/pod-deletion-cost\":\"1\"");

                Thread.sleep(500);
                assertThat(api.requests()).as("an unchanged count is not written again").hasSize(1);

                metrics.connectionOpened();
                metrics.connectionOpened();
                await().atMost(Duration.ofSeconds(10)).until(() -> api.requests().size() == 2);
                assertThat(api.requests().getLast().body()).contains("\"3\"");
            } finally {
                cost.onStop(null);
            }
        }
    }

    private static PodDeletionCostConfig config(URI api, Path token, Path ca) {
        return new PodDeletionCostConfig() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public Duration interval() {
                return Duration.ofMillis(100);
            }

            @Override
            public Optional<String> podName() {
                return Optional.of("gateway-0");
            }

            @Override
            public Optional<String> namespace() {
                return Optional.of("starling");
            }

            @Override
            public URI apiServer() {
                return api;
            }

            @Override
            public Path tokenFile() {
                return token;
            }

            @Override
            public Path caFile() {
                return ca;
            }
        };
    }
}
