package io.starlingmq.gateway.podcost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.starlingmq.gateway.transport.TestCertificates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PodAnnotationClientTest {

    @TempDir
    Path dir;
    private TestCertificates certificates;
    private FakeKubernetesApi api;
    private Path token;

    @BeforeEach
    void start() throws Exception {
        certificates = TestCertificates.generate();
        api = new FakeKubernetesApi(certificates);
        token = Files.writeString(dir.resolve("token"), "service-account-token\n");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void anAnnotationIsAMergePatchOfThePodWithTheServiceAccountsToken() throws Exception {
        PodAnnotationClient client = new PodAnnotationClient(api.uri(), "starling", "gateway-7d9f-x2", token,
                certificates.caFile());

        client.annotate("controller.kubernetes.io/pod-deletion-cost", "412");

        assertThat(api.requests()).containsExactly(new FakeKubernetesApi.Request("PATCH",
                "/api/v1/namespaces/starling/pods/gateway-7d9f-x2", "Bearer service-account-token",
                "application/merge-patch+json",
                "{\"metadata\":{\"annotations\":{\"controller.kubernetes.io/pod-deletion-cost\":\"412\"}}}"));
    }

    @Test
    void aRefusalFailsWithTheStatusAndTheAnswer() throws Exception {
        api.answer(403);
        PodAnnotationClient client = new PodAnnotationClient(api.uri(), "starling", "gateway-1", token,
                certificates.caFile());

        assertThatThrownBy(() -> client.annotate("a", "1")).isInstanceOf(IOException.class)
                .hasMessageContaining("403").hasMessageContaining("Forbidden");
    }

    @Test
    void aServerNotSignedByTheClustersCaIsRefused() throws Exception {
        TestCertificates otherCluster = TestCertificates.generate();
        PodAnnotationClient client = new PodAnnotationClient(api.uri(), "starling", "gateway-1", token,
                otherCluster.caFile());

        assertThatThrownBy(() -> client.annotate("a", "1")).isInstanceOf(IOException.class);
        assertThat(api.requests()).isEmpty();
    }
}
