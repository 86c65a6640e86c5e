package io.starlingmq.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The manifests run the images the build makes, and declare the ports the apps listen on. */
class ImagesAndPortsTest {

    static Stream<Path> suites() {
        return Repo.suites().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void everyAppRunsTheImageTheBuildMakes(Path suite) {
        assertThat(Images.imageFaults(Suite.of(suite))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void everyAppContainerDeclaresExactlyThePortsItListensOn(Path suite) {
        assertThat(Images.portFaults(Suite.of(suite))).isEmpty();
    }

    @Test
    void everyAppShipsTheHealthEndpointsItsProbesAskFor() {
        for (App app : App.values()) {
            assertThat(Images.healthFaults(app.applicationName, app.quarkusApp())).isEmpty();
        }
    }

    @Test
    void anAppWithoutSmallRyeHealthFails() {
        Path app = Repo.fixture("broken/no-health");
        assertThat(Images.healthFaults("starling-example", app)).containsExactly("starling-example ships no"
                + " quarkus-smallrye-health in " + Repo.relative(app.resolve("lib/main")) + ", so nothing serves the"
                + " /q/health/live, /q/health/ready, /q/health/started its probes ask for");
    }

    @Test
    void theImageNameComesFromTheBuild() {
        assertThat(Images.expectedImage(App.GATEWAY)).endsWith("/starling-gateway:" + Images.projectVersion());
    }

    @Test
    void aHandWrittenTagAndWrongPortsFail() {
        Suite broken = Suite.ofFile(Repo.fixture("broken/images-ports/manifests.yaml"));
        assertThat(Images.imageFaults(broken)).contains(
                "Deployment gateway container gateway: image starling/starling-gateway:latest is not the one the build makes, "
                        + Images.expectedImage(App.GATEWAY),
                "Deployment ops container ops: image starling/starling-ops:0.1.0-SNAPSHOT is not the one the build makes, "
                        + Images.expectedImage(App.OPS),
                broken.source + ": no container runs an image named starling-auth-service");
        assertThat(Images.portFaults(broken)).containsExactlyInAnyOrder(
                "Deployment gateway container gateway: declares port 8883 (mqtts), but starling-gateway does not listen on it"
                        + " as configured (it listens on [1883, 8083, 8090])",
                "StatefulSet router container router: starling-router listens on 9091 (HTTP (gRPC, health, metrics)) but the"
                        + " container does not declare it",
                "StatefulSet router container router: declares port 9090 (grpc), but starling-router does not listen on it as"
                        + " configured (it listens on [9091])",
                "Deployment ops container ops: starling-ops listens on 18083 (HTTP (admin API, dashboard, health, metrics))"
                        + " but the container does not declare it",
                "Deployment ops container ops: declares port 8080 (http), but starling-ops does not listen on it as"
                        + " configured (it listens on [18083])");
    }
}
