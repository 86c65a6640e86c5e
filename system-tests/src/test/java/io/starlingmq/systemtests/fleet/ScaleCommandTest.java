package io.starlingmq.systemtests.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.starlingmq.launcher.FreePort;
import io.starlingmq.launcher.HaproxyAdmin;
import io.starlingmq.launcher.HaproxyServer;
import io.starlingmq.launcher.up.UpMain;
import io.starlingmq.testing.fleet.DeliveryCheck;
import io.starlingmq.testing.fleet.FleetLoad;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.io.UncheckedIOException;

/**
 * {@code ./starling scale gateway N} against a real detached {@code up --gateways 2} (on free ports, with its
 * Redis, router, gateways and the four HAProxy load balancers), under a steady load through the MQTT load
 * balancer: scaling to three puts a new gateway behind every load balancer; scaling to one drains the two
 * others away while the clients carry on through the last, losing nothing; {@code down} then leaves no
 * process and no pid file behind.
 */
class ScaleCommandTest {

    private static final Path ROOT = Path.of(System.getProperty("starling.root", ".."));
    private static final List<String> BALANCERS = List.of("haproxy-mqtt", "haproxy-tls", "haproxy-ws", "haproxy-wss");
    /** 2 groups of 2 publishers (every 200 ms), 2 persistent and 1 clean subscriber each, 20 idle: 30 clients. */
    private static final FleetLoad.Shape SHAPE = new FleetLoad.Shape(2, 2, 2, 1, 20, Duration.ofMillis(200));

    @TempDir
    Path state;

    @Test
    void scaleAddsAGatewayBehindEveryLoadBalancerAndDrainsTheSurplusAwayLosingNothing() throws Exception {
        int mqtt = FreePort.find();
        int firstHttp = FreePort.find();
        assertThat(UpMain.run("up", upArguments(mqtt, firstHttp))).as("up --gateways 2 --detach").isZero();
        List<Long> pids = new ArrayList<>();
        try (FleetLoad load = FleetLoad.connect(SHAPE, "127.0.0.1", mqtt)) {
            load.startPublishing();

            assertThat(UpMain.run("scale", scaleArguments(firstHttp, 3))).as("scale gateway 3").isZero();
            for (String balancer : BALANCERS) {
                assertThat(admin(balancer).stats()).as(balancer + " after scale 3")
                        .hasEntrySatisfying("gateway-3", stats -> assertThat(stats.status()).isEqualTo("UP"));
                assertThat(admin(balancer).serverNames()).as(balancer)
                        .containsExactlyInAnyOrder("gateway-1", "gateway-2", "gateway-3");
            }
            pids.addAll(recordedPids());

            assertThat(UpMain.run("scale", scaleArguments(firstHttp, 1))).as("scale gateway 1").isZero();
            load.awaitAllConnected(Duration.ofSeconds(30));
            Thread.sleep(1000);
            load.stopPublishing();
            DeliveryCheck.Result delivery = load.awaitDeliveries(Duration.ofSeconds(30));
            List<String> sessions = load.sessionViolations();

            SoftAssertions soft = new SoftAssertions();
            for (String balancer : BALANCERS) {
                soft.assertThat(admin(balancer).serverNames()).as(balancer + " after scale 1").hasSize(1);
            }
            Map<String, HaproxyAdmin.Stats> mqttStats = admin("haproxy-mqtt").stats();
            soft.assertThat(mqttStats.get(HaproxyServer.FRONTEND).currentSessions()).as("clients through the last gateway")
                    .isEqualTo(SHAPE.connections());
            soft.assertThat(Files.exists(state.resolve("run/gateway-3.pid"))).as("the new, emptiest gateway left first")
                    .isFalse();
            FleetScenarios.assertDeliveredAndResumed(soft, delivery, load, sessions);
            soft.assertAll();
            assertThat(delivery.acknowledged()).as("the load published").isPositive();
        } finally {
            assertThat(UpMain.run("down", new String[] {"--run=" + state.resolve("run"),
                    "--postgres-home=" + state.resolve("postgres")})).as("down").isZero();
        }
        try (Stream<Path> left = Files.list(state.resolve("run"))) {
            assertThat(left.map(p -> p.getFileName().toString())).as("run files left by down: only the local API key, "
                    + "which is kept across runs").containsExactly("api-key");
        }
        assertThat(pids).as("processes still alive after down")
                .noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    private String[] upArguments(int mqtt, int firstHttp) {
        return new String[] {"--mode=anonymous", "--detach", "--gateways=2", "--root=" + ROOT, "--state=" + state,
                "--postgres-home=" + state.resolve("postgres"), "--redis-port=" + FreePort.find(),
                "--router-port=" + FreePort.find(), "--mqtt-port=" + mqtt, "--gateway-http-port=" + firstHttp,
                "--tls-port=" + FreePort.find(), "--ws-port=" + FreePort.find(), "--wss-port=" + FreePort.find(),
                "--auth-port=" + FreePort.find(), "--postgres-port=" + FreePort.find(),
                "--keycloak-port=" + FreePort.find(), "--keycloak-management-port=" + FreePort.find(),
                "--ops-port=" + FreePort.find(),
                "--ready-timeout=90", "--device-acl={}"};
    }

    private String[] scaleArguments(int firstHttp, int gateways) {
        return new String[] {"--root=" + ROOT, "--state=" + state, "--ready-timeout=90",
                "--gateway-http-port=" + firstHttp, "--gateways=" + gateways};
    }

    private HaproxyAdmin admin(String balancer) throws IOException {
        return HaproxyServer.adminOf(state.resolve(balancer), HaproxyServer.HealthCheck.quarkusReadiness());
    }

    private List<Long> recordedPids() throws IOException {
        try (Stream<Path> files = Files.list(state.resolve("run"))) {
            return files.filter(f -> f.toString().endsWith(".pid"))
                    .map(f -> {
                        try {
                            return Long.parseLong(Files.readString(f).trim());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).toList();
        }
    }
}
