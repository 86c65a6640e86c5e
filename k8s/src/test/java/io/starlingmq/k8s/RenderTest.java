package io.starlingmq.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every overlay, every add-on component and the pipeline render with a current kubectl and with Debian's 1.20. */
class RenderTest {

    static Stream<Path> renderable() {
        return Stream.concat(Repo.overlays().stream(), Repo.addOns().stream());
    }

    /** Why DIR does not render alike with both kubectls; empty when it does. */
    static List<String> renderFaults(Path dir) {
        List<String> faults = new ArrayList<>();
        Kubectl.Result current = Kubectl.CURRENT.kustomize(dir);
        Kubectl.Result debian = Kubectl.DEBIAN.kustomize(dir);
        if (!current.ok()) {
            faults.add(Kubectl.CURRENT.label() + " cannot render " + Repo.relative(dir) + ": " + current.error());
        }
        if (!debian.ok()) {
            faults.add(Kubectl.DEBIAN.label() + " cannot render " + Repo.relative(dir) + ": " + debian.error());
        }
        if (faults.isEmpty()) {
            Set<String> a = Manifests.ids(Manifests.parse(current.yaml(), Repo.relative(dir)));
            Set<String> b = Manifests.ids(Manifests.parse(debian.yaml(), Repo.relative(dir)));
            if (!a.equals(b)) {
                Set<String> onlyA = new TreeSet<>(a);
                onlyA.removeAll(b);
                Set<String> onlyB = new TreeSet<>(b);
                onlyB.removeAll(a);
                faults.add(Repo.relative(dir) + " renders different objects: only with the " + Kubectl.CURRENT.label()
                        + " " + onlyA + ", only with the " + Kubectl.DEBIAN.label() + " " + onlyB);
            }
            if (a.isEmpty()) {
                faults.add(Repo.relative(dir) + " renders no objects");
            }
        }
        return faults;
    }

    @Test
    void theOverlaysOfTheIssueExist() {
        assertThat(Repo.overlays()).extracting(p -> p.getFileName().toString())
                .contains("dev", "prod", "koordinator");
        assertThat(Repo.components()).extracting(p -> p.getFileName().toString())
                .contains("redis-cluster", "redis-sentinel");
        assertThat(Repo.PIPELINE.resolve("kustomization.yaml")).exists();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderable")
    void rendersAlikeWithCurrentAndDebianKubectl(Path dir) {
        assertThat(renderFaults(dir)).isEmpty();
    }

    @Test
    void aKustomizationOnlyNewKustomizeUnderstandsFails() {
        assertThat(renderFaults(Repo.fixture("broken/render-needs-new-kustomize")))
                .anySatisfy(f -> assertThat(f).contains("Debian kubectl 1.20").contains("unknown field \"labels\""));
    }
}
