package io.starlingmq.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Selectors, Services, probes, references, HPA/PDB targets, resources, security contexts, ServiceAccount tokens, drain
 * and stop grace, on every suite (the overlays and the add-ons).
 */
class InvariantsTest {

    static Stream<Path> suites() {
        return Repo.suites().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void everySuiteHoldsTheRunTimeInvariants(Path suite) {
        assertThat(Invariants.all(Suite.of(suite))).isEmpty();
    }

    @Test
    void theBrokenFixtureFailsEachInvariant() {
        List<String> faults = Invariants.all(Suite.ofFile(Repo.fixture("broken/invariants/manifests.yaml")));
        String gw = "Deployment gateway";
        assertThat(faults).contains(
                gw + ": selector {app.kubernetes.io/name=gw} does not match its template's labels {app.kubernetes.io/name=gateway}",
                "Service gateway: port mqtt (1883) targets 'mqtt', which Deployment gateway declares in no container",
                "Service router: selector {app.kubernetes.io/name=router} selects no workload's pods",
                gw + " container gateway: livenessProbe targets port 9999, which the container does not declare",
                gw + " container gateway: no startupProbe",
                gw + " container gateway: no memory request",
                gw + " container gateway: no cpu limit",
                gw + " container gateway: readOnlyRootFilesystem is not true",
                gw + " container gateway: envFrom ConfigMap gateway-config-missing does not exist",
                gw + " volume data: PersistentVolumeClaim gateway-data-missing does not exist",
                gw + ": ServiceAccount gateway-missing does not exist",
                "HorizontalPodAutoscaler gateway: scaleTargetRef Deployment gateways does not exist",
                "PodDisruptionBudget router: selector {app.kubernetes.io/name=router} selects no workload's pods",
                "ServiceAccount unbound: no RoleBinding binds it, so automountServiceAccountToken must be false",
                gw + ": terminationGracePeriodSeconds 30 is shorter than the gateway's drain timeout 40s plus 5 s for its"
                        + " router links",
                "StatefulSet bridge: terminationGracePeriodSeconds 30 is shorter than the 70 s the bridge's rules may take"
                        + " to stop (the stop timeout 20s plus 15 s, at least 70 s with a kafka-to-mqtt rule)",
                "StatefulSet bridge container bridge: env STARLING_BRIDGE_MQTT_PASSWORD refers to key pasword of the"
                        + " optional Secret starling-bridge-mqtt, which is neither a key of a Secret in the overlay nor one"
                        + " of a documented external Secret, so it is never read");
        assertThat(faults).anySatisfy(f -> assertThat(f).startsWith(gw + " container gateway: readinessProbe must be an httpGet of"
                + " /q/health/ready").endsWith("not /q/health/readyy"));
        assertThat(faults).anySatisfy(f -> assertThat(f).startsWith(gw + " container gateway: livenessProbe targets port 9999, but"
                + " starling-gateway serves health on 8090"));
        // A Job is held to the same rules, except the probes its run-once pods do not need.
        String job = "Job redis-cluster-create container create: ";
        assertThat(faults).contains(job + "no memory limit", job + "readOnlyRootFilesystem is not true");
        assertThat(faults).anySatisfy(f -> assertThat(f).startsWith(job + "env REDISCLI_AUTH refers to Secret"
                + " starling-redis-missing does not exist in the overlay"));
        assertThat(faults).noneSatisfy(f -> assertThat(f).startsWith("Job redis-cluster-create").containsAnyOf("Probe",
                "selector"));
        // A fixture is not an overlay without a secretGenerator, so even the documented external Secrets must exist.
        assertThat(faults).anySatisfy(f -> assertThat(f).startsWith(gw + " container gateway: env STARLING_GATEWAY_ID refers to"
                + " Secret starling-redis does not exist in the overlay"));
    }

    @Test
    void routerListsThatMissAPodOrAGatewayDnsNameOtherThanTheRouterServiceFail() {
        assertThat(RouterLists.faults(Suite.ofFile(Repo.fixture("broken/router-lists/manifests.yaml")))).containsExactlyInAnyOrder(
                "Deployment gateway container gateway: starling.gateway.routers is router-0.router:9090,"
                        + " but StatefulSet router runs 2 routers, so it must name router-0.router:9090,router-1.router:9090",
                "Deployment gateway-wrong-dns container gateway: starling.gateway.router-dns is routers:9090, but the"
                        + " routers of StatefulSet router are found as router:9090 (its headless Service and the router's HTTP"
                        + " port)",
                "Deployment ops container ops: starling.ops.routers is router-0.router:9090,router-2.router:9090, but"
                        + " StatefulSet router runs 2 routers, so it must name router-0.router:9090,router-1.router:9090");
    }
}
