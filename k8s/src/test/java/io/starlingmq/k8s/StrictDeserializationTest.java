package io.starlingmq.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every rendered document deserializes into the fabric8 model with no unknown field and no untyped kind. */
class StrictDeserializationTest {

    static Stream<Path> renderable() {
        return RenderTest.renderable();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderable")
    void everyRenderedDocumentHasOnlyKnownFields(Path dir) {
        assertThat(Manifests.strictFaults(Manifests.render(dir))).isEmpty();
    }

    @Test
    void misspeltFieldsAndKindsAreFaults() {
        var faults = Manifests.strictFaults(Manifests.parseFile(Repo.fixture("broken/strict-unknown-fields/manifests.yaml")));
        assertThat(faults).anySatisfy(f -> assertThat(f).startsWith("Deployment starling-gateway").endsWith("spec: unknown field 'replica'"));
        assertThat(faults).anySatisfy(f -> assertThat(f).startsWith("Deployment starling-gateway")
                .endsWith("spec.template.spec: unknown field 'terminationGracePeriodSecond'"));
        assertThat(faults).anySatisfy(f -> assertThat(f).contains("cert-manager.io/v1 Certifcate has no typed model"));
        assertThat(faults).noneSatisfy(f -> assertThat(f).contains("starling-gateway-tls:"));
        assertThat(faults).hasSize(3);
    }
}
