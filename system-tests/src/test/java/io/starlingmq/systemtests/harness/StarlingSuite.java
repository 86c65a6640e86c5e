package io.starlingmq.systemtests.harness;

import io.starlingmq.store.testing.FreePort;
import io.starlingmq.store.testing.RedisServerProcess;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The suite in its real shape: the shared test Redis, one router and any number of gateways, each a
 * separate process started from the packaged apps.
 */
public final class StarlingSuite implements AutoCloseable {

    private final Path root = Path.of(System.getProperty("starling.root", "..")).toAbsolutePath().normalize();
    private final Path logDir;
    private final List<AppProcess> processes = new ArrayList<>();
    private final Map<String, Integer> mqttPorts = new LinkedHashMap<>();
    private final List<Integer> routerPorts = new ArrayList<>();

    private StarlingSuite(String testName) {
        this.logDir = root.resolve("system-tests/target/suite-logs").resolve(testName);
    }

    /** Redis (flushed), one router on it, and gateways with the given names. */
    public static StarlingSuite start(String testName, String... gatewayNames) throws IOException {
        return start(testName, 1, gatewayNames);
    }

    /** Redis (flushed), {@code routers} routers on it, and gateways linked to every router. */
    public static StarlingSuite start(String testName, int routers, String... gatewayNames) throws IOException {
        StarlingSuite suite = new StarlingSuite(testName);
        try {
            RedisServerProcess redis = RedisServerProcess.shared();
            redis.flushAll();
            for (int i = 0; i < routers; i++) {
                suite.startRouter("router-" + (char) ('a' + i), redis.uri());
            }
            for (String gateway : gatewayNames) {
                suite.startGateway(gateway);
            }
            return suite;
        } catch (IOException | RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    private void startRouter(String name, String redisUri) throws IOException {
        int port = FreePort.find();
        processes.add(AppProcess.start(name, root.resolve("services/router/target/quarkus-app/quarkus-run.jar"),
                port, Map.of("STARLING_ROUTER_STORE", "redis", "QUARKUS_REDIS_HOSTS", redisUri), logDir));
        routerPorts.add(port);
    }

    /** The routers' link addresses in configuration order, as gateways get them. */
    private String routerList() {
        return String.join(",", routerPorts.stream().map(port -> "127.0.0.1:" + port).toList());
    }

    public AppProcess startGateway(String name) throws IOException {
        int mqttPort = FreePort.find();
        AppProcess gateway = AppProcess.start(name, root.resolve("gateway/target/quarkus-app/quarkus-run.jar"),
                FreePort.find(), Map.of(
                        "STARLING_GATEWAY_MQTT_PORT", Integer.toString(mqttPort),
                        "STARLING_GATEWAY_ROUTERS", routerList()), logDir);
        processes.add(gateway);
        mqttPorts.put(name, mqttPort);
        return gateway;
    }

    public int mqttPort(String gatewayName) {
        Integer port = mqttPorts.get(gatewayName);
        if (port == null) {
            throw new IllegalArgumentException("no gateway named " + gatewayName);
        }
        return port;
    }

    public AppProcess process(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no process named " + name));
    }

    /** The logs of every process, for a failure message. */
    public String logs() {
        StringBuilder all = new StringBuilder();
        for (AppProcess process : processes) {
            all.append("----- ").append(process.name()).append(" -----\n").append(process.tail()).append('\n');
        }
        return all.toString();
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
    }
}
