package io.starlingmq.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each suite's (overlay's or add-on's) NetworkPolicies allow exactly the designed flows of the tables in NetworkFlows. */
class NetworkFlowsTest {

    static Stream<Path> suites() {
        return Repo.suites().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void theDesignedFlowsAreAllowedAndTheOthersDenied(Path suite) {
        assertThat(NetworkFlows.faults(Suite.of(suite))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void everyPolicyBetweenPodsNamesPodsThatRunAndPortsTheyDeclare(Path suite) {
        assertThat(PolicyPorts.faults(Suite.of(suite))).isEmpty();
    }

    @Test
    void policiesNamingPortsOrPodsThatDoNotExistFail() {
        String redis = "NetworkPolicy starling/redis: ";
        String router = "NetworkPolicy starling/router: ";
        assertThat(PolicyPorts.faults(Suite.ofFile(Repo.fixture("broken/network-ports/manifests.yaml"))))
                .containsExactlyInAnyOrder(
                        redis + "ingress rule 2 names port 16380/TCP, which no container of StatefulSet starling/redis declares",
                        redis + "egress rule 1 names port 'bus'/TCP, which no container of StatefulSet starling/redis declares",
                        router + "ingress rule 1 admits pods {app.kubernetes.io/name=gateway}, which no workload runs",
                        router + "egress rule 1 names port 6380/TCP, which no container of StatefulSet starling/redis declares",
                        router + "egress rule 1 names port 6379/UDP, which no container of StatefulSet starling/redis declares",
                        router + "egress rule 2 reaches pods {app.kubernetes.io/name=redis-cluster}, which no workload runs",
                        "NetworkPolicy starling/redis-old: podSelector {app.kubernetes.io/name=redis-old} selects no"
                                + " workload's pods");
    }

    @Test
    void aClusterWhoseBusIsOpenToTheRoutersButNotToTheNodesFails() {
        Suite broken = withPolicies("components/redis-cluster", "broken/network-flows-redis/cluster-policies.yaml");
        assertThat(NetworkFlows.faults(broken)).containsExactlyInAnyOrder(
                broken.source + ": redis → redis:16379 must be allowed, but the NetworkPolicies deny it",
                broken.source + ": router → redis:16379 must be denied, but the NetworkPolicies allow it");
    }

    @Test
    void sentinelsTheRoutersCannotReachAndThatReachAnythingFail() {
        Suite broken = withPolicies("components/redis-sentinel", "broken/network-flows-redis/sentinel-policies.yaml");
        assertThat(NetworkFlows.faults(broken)).containsExactlyInAnyOrder(
                broken.source + ": router → redis-sentinel:26379 must be allowed, but the NetworkPolicies deny it",
                broken.source + ": redis-sentinel → keycloak:8080 must be denied, but the NetworkPolicies allow it");
    }

    /** The rendered SUITE with the NetworkPolicies of FIXTURE in place of those of the same name. */
    private static Suite withPolicies(String suite, String fixture) {
        List<HasMetadata> replacements = Manifests.parseFile(Repo.fixture(fixture));
        List<HasMetadata> objects = new ArrayList<>();
        for (HasMetadata o : Suite.of(Repo.K8S.resolve(suite)).objects) {
            if (replacements.stream().noneMatch(r -> Manifests.id(r).equals(Manifests.id(o)))) {
                objects.add(o);
            }
        }
        assertThat(objects).as("objects %s replaces", fixture).hasSize(Suite.of(Repo.K8S.resolve(suite)).objects.size()
                - replacements.size());
        objects.addAll(replacements);
        return new Suite(suite + " with " + fixture, objects, true);
    }

    @Test
    void policiesTooWideAndTooNarrowFail() {
        Suite broken = Suite.ofFile(Repo.fixture("broken/network-flows/manifests.yaml"));
        assertThat(NetworkFlows.faults(broken)).containsExactlyInAnyOrder(
                broken.source + ": auth-service → keycloak:8080 must be allowed, but the NetworkPolicies deny it",
                broken.source + ": gateway → redis:6379 must be denied, but the NetworkPolicies allow it",
                broken.source + ": ops → router:9090 must be allowed, but the NetworkPolicies deny it",
                broken.source + ": gateway → ops:18083 must be denied, but the NetworkPolicies allow it",
                broken.source + ": outside client → ops:8080 must be denied, but the NetworkPolicies allow it",
                broken.source + ": outside client → ops:9090 must be denied, but the NetworkPolicies allow it",
                broken.source + ": gateway → bridge:18084 must be denied, but the NetworkPolicies allow it",
                broken.source + ": bridge → redis:6379 must be denied, but the NetworkPolicies allow it",
                broken.source + ": bridge → ops:18083 must be denied, but the NetworkPolicies allow it",
                broken.source + ": bridge → kafka outside the cluster:9092 must be allowed, but the NetworkPolicies deny it");
    }
}
