package io.starlingmq.systemtests.harness;

import io.starlingmq.store.testing.RedisServerProcess;

import io.starlingmq.testing.FreePort;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The suite in its real shape: the shared test Redis, one router and any number of gateways, each a
 * separate process started from the packaged apps; optionally the auth service, which the gateways
 * then ask on every CONNECT.
 */
public final class StarlingSuite implements AutoCloseable {

    /** The process name of the auth service, for {@link #process(String)}. */
    public static final String AUTH_SERVICE = "auth-service";

    private final Path root = Path.of(System.getProperty("starling.root", "..")).toAbsolutePath().normalize();
    private final Path logDir;
    private final List<AppProcess> processes = new ArrayList<>();
    private final Map<String, GatewayPorts> gatewayPorts = new LinkedHashMap<>();
    private final List<Integer> routerPorts = new ArrayList<>();
    /** Set once the auth service runs: gateways started afterwards authenticate through it. */
    private String authServiceUrl;

    private StarlingSuite(String testName) {
        this.logDir = root.resolve("system-tests/target/suite-logs").resolve(testName);
    }

    /** Redis (flushed), one router on it, and gateways with the given names. */
    public static StarlingSuite start(String testName, String... gatewayNames) throws IOException {
        return start(testName, 1, gatewayNames);
    }

    /** Redis (flushed), {@code routers} routers on it, and gateways linked to every router. */
    public static StarlingSuite start(String testName, int routers, String... gatewayNames) throws IOException {
        return launch(testName, routers, null, gatewayNames);
    }

    /**
     * One router on the given Redis, which is used as it is (not flushed), and gateways with the given
     * names: for a suite with a Redis of its own.
     */
    public static StarlingSuite startOnRedis(String testName, String redisUri, String... gatewayNames)
            throws IOException {
        return startOnRedis(testName, redisUri, Map.of(), gatewayNames);
    }

    /**
     * As {@link #startOnRedis(String, String, String...)}, with extra environment for the router (e.g.
     * {@code STARLING_ROUTER_SYS_INTERVAL}); gateways with settings of their own can be added afterwards
     * with {@link #startGateway(String, Map)}.
     */
    public static StarlingSuite startOnRedis(String testName, String redisUri, Map<String, String> routerEnv,
                                             String... gatewayNames) throws IOException {
        StarlingSuite suite = new StarlingSuite(testName);
        try {
            suite.startRouter("router-a", redisUri, routerEnv);
            for (String gateway : gatewayNames) {
                suite.startGateway(gateway);
            }
            return suite;
        } catch (IOException | RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    /**
     * Redis (flushed), one router, the auth service (process name {@value #AUTH_SERVICE}) on the given
     * PostgreSQL and Keycloak, and gateways in service mode: every CONNECT is decided by the auth service.
     */
    public static StarlingSuite startWithAuthService(String testName, AuthBackends backends, String... gatewayNames)
            throws IOException {
        return launch(testName, 1, backends, gatewayNames);
    }

    private static StarlingSuite launch(String testName, int routers, AuthBackends authBackends, String... gatewayNames)
            throws IOException {
        StarlingSuite suite = new StarlingSuite(testName);
        try {
            RedisServerProcess redis = RedisServerProcess.shared();
            redis.flushAll();
            for (int i = 0; i < routers; i++) {
                suite.startRouter("router-" + (char) ('a' + i), redis.uri());
            }
            if (authBackends != null) {
                suite.startAuthService(authBackends);
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
        startRouter(name, redisUri, Map.of());
    }

    private void startRouter(String name, String redisUri, Map<String, String> extraEnv) throws IOException {
        int port = FreePort.find();
        Map<String, String> env = new LinkedHashMap<>(extraEnv);
        env.put("STARLING_ROUTER_STORE", "redis");
        env.put("QUARKUS_REDIS_HOSTS", redisUri);
        processes.add(AppProcess.start(name, root.resolve("services/router/target/quarkus-app/quarkus-run.jar"),
                port, env, logDir));
        routerPorts.add(port);
    }

    private void startAuthService(AuthBackends backends) throws IOException {
        int port = FreePort.find();
        processes.add(AppProcess.start(AUTH_SERVICE, root.resolve("auth-service/target/quarkus-app/quarkus-run.jar"),
                port, backends.authServiceEnvironment(), logDir));
        authServiceUrl = "http://127.0.0.1:" + port;
    }

    /** The routers' link addresses in configuration order, as gateways get them. */
    private String routerList() {
        return String.join(",", routerPorts.stream().map(port -> "127.0.0.1:" + port).toList());
    }

    /**
     * Starts a gateway with every listener: MQTT over TCP, TLS, WebSocket and WebSocket over TLS; in
     * service mode when the suite runs the auth service.
     */
    public AppProcess startGateway(String name) throws IOException {
        return startGateway(name, Map.of());
    }

    /** As {@link #startGateway(String)}, with extra environment (e.g. {@code STARLING_GATEWAY_MAX_KEEP_ALIVE}). */
    public AppProcess startGateway(String name, Map<String, String> extraEnv) throws IOException {
        GatewayPorts ports = new GatewayPorts(FreePort.find(), FreePort.find(), FreePort.find(), FreePort.find());
        SuiteCertificates certificates = SuiteCertificates.shared(root);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("STARLING_GATEWAY_MQTT_PORT", Integer.toString(ports.mqtt()));
        env.put("STARLING_GATEWAY_ROUTERS", routerList());
        env.put("STARLING_GATEWAY_TLS_ENABLED", "true");
        env.put("STARLING_GATEWAY_TLS_PORT", Integer.toString(ports.tls()));
        env.put("STARLING_GATEWAY_TLS_CERT_FILE", certificates.serverCertificate().toString());
        env.put("STARLING_GATEWAY_TLS_KEY_FILE", certificates.serverKey().toString());
        env.put("STARLING_GATEWAY_WS_ENABLED", "true");
        env.put("STARLING_GATEWAY_WS_PORT", Integer.toString(ports.ws()));
        env.put("STARLING_GATEWAY_WSS_ENABLED", "true");
        env.put("STARLING_GATEWAY_WSS_PORT", Integer.toString(ports.wss()));
        if (authServiceUrl != null) {
            env.put("STARLING_GATEWAY_AUTH_MODE", "service");
            env.put("STARLING_GATEWAY_AUTH_URL", authServiceUrl);
        }
        env.putAll(extraEnv);
        AppProcess gateway = AppProcess.start(name, root.resolve("gateway/target/quarkus-app/quarkus-run.jar"),
                FreePort.find(), env, logDir);
        processes.add(gateway);
        gatewayPorts.put(name, ports);
        return gateway;
    }

    public int mqttPort(String gatewayName) {
        return ports(gatewayName).mqtt();
    }

    /** The listener ports of a gateway. */
    public GatewayPorts ports(String gatewayName) {
        GatewayPorts ports = gatewayPorts.get(gatewayName);
        if (ports == null) {
            throw new IllegalArgumentException("no gateway named " + gatewayName);
        }
        return ports;
    }

    /** The CA that signed every gateway's TLS certificate. */
    public Path caCertificate() {
        return SuiteCertificates.shared(root).caCertificate();
    }

    /** @param ws WebSocket, path /mqtt; @param wss WebSocket over TLS, path /mqtt */
    public record GatewayPorts(int mqtt, int tls, int ws, int wss) {
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
