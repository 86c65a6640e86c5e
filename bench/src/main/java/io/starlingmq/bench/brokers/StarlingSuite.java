package io.starlingmq.bench.brokers;

import io.starlingmq.bench.load.Endpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Starling in its real shape, as {@code ./starling up} runs it: Redis (AOF everysec), the router and the
 * gateway as separate processes, on free ports of their own.
 */
public final class StarlingSuite implements BrokerTarget {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Path javaHome;
    private final List<ManagedProcess> started = new ArrayList<>();
    private final int mqttPort = FreePort.next();
    private final int redisPort = FreePort.next();
    private final int routerPort = FreePort.next();
    private final int gatewayHttpPort = FreePort.next();
    private ManagedProcess gateway;

    private StarlingSuite(Path javaHome) {
        this.javaHome = javaHome;
    }

    public static StarlingSuite start(Path repo, Path javaHome, Path workDir) throws IOException, InterruptedException {
        Path routerJar = repo.resolve("services/router/target/quarkus-app/quarkus-run.jar");
        Path gatewayJar = repo.resolve("gateway/target/quarkus-app/quarkus-run.jar");
        for (Path jar : List.of(routerJar, gatewayJar)) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("missing " + jar + ": build it first (./mvnw install -DskipTests -pl gateway,services/router -am)");
            }
        }
        StarlingSuite suite = new StarlingSuite(javaHome);
        try {
            suite.startAll(routerJar, gatewayJar, workDir);
        } catch (IOException | InterruptedException | RuntimeException e) {
            suite.close();
            throw e;
        }
        return suite;
    }

    private void startAll(Path routerJar, Path gatewayJar, Path workDir) throws IOException, InterruptedException {
        Path redisDir = Files.createDirectories(workDir.resolve("redis"));
        Path logs = workDir.resolve("logs");
        ManagedProcess redis = track(ManagedProcess.start("redis", List.of("redis-server", "--port", Integer.toString(redisPort),
                "--bind", "127.0.0.1", "--dir", redisDir.toString(), "--appendonly", "yes", "--appendfsync", "everysec",
                "--save", ""), Map.of(), logs));
        redis.awaitReady(() -> RedisPing.ok(redisPort), Duration.ofSeconds(20));

        String java = javaHome.resolve("bin/java").toString();
        ManagedProcess router = track(ManagedProcess.start("router", List.of(java, "-jar", routerJar.toString()), Map.of(
                "STARLING_ROUTER_STORE", "redis",
                "QUARKUS_REDIS_HOSTS", "redis://127.0.0.1:" + redisPort,
                "QUARKUS_HTTP_PORT", Integer.toString(routerPort)), logs));
        router.awaitReady(ManagedProcess.httpOk("http://127.0.0.1:" + routerPort + "/q/health/ready"), READY_TIMEOUT);

        gateway = track(ManagedProcess.start("gateway", List.of(java, "-jar", gatewayJar.toString()), Map.of(
                "QUARKUS_HTTP_PORT", Integer.toString(gatewayHttpPort),
                "STARLING_GATEWAY_MQTT_PORT", Integer.toString(mqttPort),
                "STARLING_GATEWAY_ROUTERS", "127.0.0.1:" + routerPort), logs));
        gateway.awaitReady(ManagedProcess.httpOk("http://127.0.0.1:" + gatewayHttpPort + "/q/health/ready"), READY_TIMEOUT);
    }

    private ManagedProcess track(ManagedProcess process) {
        started.add(process);
        return process;
    }

    @Override
    public String name() {
        return "Starling";
    }

    @Override
    public String configuration() {
        return "gateway, router and Redis (AOF everysec) as separate processes, default settings, router store redis";
    }

    @Override
    public Endpoint endpoint() {
        return new Endpoint("127.0.0.1", mqttPort, null);
    }

    @Override
    public Map<String, Long> processes() {
        Map<String, Long> pids = new LinkedHashMap<>();
        started.forEach(p -> pids.put(p.name(), p.pid()));
        return pids;
    }

    @Override
    public void checkAlive() {
        started.forEach(p -> {
            if (!p.isAlive()) {
                throw new IllegalStateException("Starling's " + p.name() + " is not running any more");
            }
        });
    }

    @Override
    public long connectionHolderRssBytes() {
        return ProcStat.rssBytes(gateway.pid()).orElse(0);
    }

    @Override
    public OptionalLong connectionHolderHeapBytes() {
        return JvmHeap.usedAfterGc(javaHome, gateway.pid());
    }

    @Override
    public void close() {
        // Reverse start order: the gateway first, so it never sees its router vanish mid-run.
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }
}
