package io.starlingmq.systemtests.harness;

import io.starlingmq.launcher.DevCertificates;
import io.starlingmq.launcher.FreePort;
import io.starlingmq.launcher.GatewayEnvironment;
import io.starlingmq.launcher.JavaService;
import io.starlingmq.launcher.ProcessSession;
import io.starlingmq.launcher.RouterEnvironment;
import io.starlingmq.launcher.RunningPart;
import io.starlingmq.launcher.StarlingPart;
import io.starlingmq.launcher.StartedProcesses;
import io.starlingmq.launcher.SuiteLayout;
import io.starlingmq.testing.TestRedis;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The suite in its real shape, started by the launcher: the shared test Redis, one router and any number
 * of gateways, each a separate process started from the packaged apps; optionally the auth service,
 * which the gateways then ask on every CONNECT.
 */
public final class StarlingSuite implements AutoCloseable {

    /** The process name of the auth service, for {@link #process(String)}. */
    public static final String AUTH_SERVICE = "auth-service";
    public static final String OPS = "ops";

    /** Small heaps and C1 only: a suite of several JVMs shares two cores with the test JVM. */
    private static final List<String> JVM_FLAGS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static DevCertificates certificates;

    private final SuiteLayout layout = new SuiteLayout(Path.of(System.getProperty("starling.root", "..")));
    private final Path logDir;
    private final StartedProcesses started = new StartedProcesses();
    private final List<RunningPart> parts = new ArrayList<>();
    private final Map<String, GatewayPorts> gatewayPorts = new LinkedHashMap<>();
    private final List<Integer> routerPorts = new ArrayList<>();
    private final Map<String, Integer> reservedRouters = new LinkedHashMap<>();
    private String redisUriOfRouters;
    /** Set once the auth service runs: gateways started afterwards authenticate through it. */
    private String authServiceUrl;

    private StarlingSuite(String testName) {
        this.logDir = layout.root().resolve("system-tests/target/suite-logs").resolve(testName);
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
        return startOnRedis(testName, redisUri, routerEnv, 1, gatewayNames);
    }

    /**
     * As above with {@code routers} routers ({@code router-a}, {@code router-b}, ...), e.g. on a Redis Cluster
     * or Sentinel, whose client type the router environment names.
     */
    public static StarlingSuite startOnRedis(String testName, String redisUri, Map<String, String> routerEnv,
                                             int routers, String... gatewayNames) throws IOException {
        StarlingSuite suite = new StarlingSuite(testName);
        try {
            for (int i = 0; i < routers; i++) {
                suite.startRouter("router-" + (char) ('a' + i), redisUri, routerEnv);
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
            TestRedis redis = TestRedis.shared();
            redis.flushAll();
            for (int i = 0; i < routers; i++) {
                suite.startRouter("router-" + (char) ('a' + i), redis.uri(), Map.of());
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

    private void startRouter(String name, String redisUri, Map<String, String> extraEnv) throws IOException {
        Map<String, String> env = new LinkedHashMap<>(extraEnv);
        env.putAll(RouterEnvironment.redisStore(redisUri));
        RunningPart router = startPart(name, StarlingPart.ROUTER, env, FreePort.find());
        routerPorts.add(router.httpPort());
        redisUriOfRouters = redisUri;
    }

    /**
     * A router that gateways started from now on list, but that does not run yet (a router the fleet will be
     * scaled out to): {@link #startReservedRouter} starts it, on the suite's Redis.
     */
    public void reserveRouter(String name) {
        int port = FreePort.find();
        reservedRouters.put(name, port);
        routerPorts.add(port);
    }

    /** Starts a router {@link #reserveRouter reserved} before, with extra environment. */
    public RunningPart startReservedRouter(String name, Map<String, String> extraEnv) throws IOException {
        Integer port = reservedRouters.remove(name);
        if (port == null || redisUriOfRouters == null) {
            throw new IllegalStateException("no router " + name + " reserved in a suite with routers on Redis");
        }
        Map<String, String> env = new LinkedHashMap<>(extraEnv);
        env.putAll(RouterEnvironment.redisStore(redisUriOfRouters));
        return startPart(name, StarlingPart.ROUTER, env, port);
    }

    /**
     * The auth service (process name {@value #AUTH_SERVICE}) on the given PostgreSQL and Keycloak; gateways
     * started afterwards authenticate through it, those already running keep their own settings.
     */
    public RunningPart startAuthService(AuthBackends backends) throws IOException {
        RunningPart auth = startPart(AUTH_SERVICE, StarlingPart.AUTH_SERVICE, backends.authServiceEnvironment());
        authServiceUrl = "http://127.0.0.1:" + auth.httpPort();
        return auth;
    }

    /**
     * Starts a gateway with every listener: MQTT over TCP, TLS, WebSocket and WebSocket over TLS; in
     * service mode when the suite runs the auth service.
     */
    public RunningPart startGateway(String name) throws IOException {
        return startGateway(name, Map.of());
    }

    /** As {@link #startGateway(String)}, with extra environment (e.g. {@code STARLING_GATEWAY_MAX_KEEP_ALIVE}). */
    public RunningPart startGateway(String name, Map<String, String> extraEnv) throws IOException {
        GatewayPorts ports = new GatewayPorts(FreePort.find(), FreePort.find(), FreePort.find(), FreePort.find());
        DevCertificates certs = certificates(layout);
        GatewayEnvironment env = new GatewayEnvironment(ports.mqtt(), routerPorts)
                .tls(ports.tls(), certs.serverCertificate(), certs.serverKey())
                .webSocket(ports.ws())
                .secureWebSocket(ports.wss());
        if (authServiceUrl != null) {
            env.authService(authServiceUrl);
        }
        RunningPart gateway = startPart(name, StarlingPart.GATEWAY, env.with(extraEnv).toMap());
        gatewayPorts.put(name, ports);
        return gateway;
    }

    /** Ops, asking every router of the suite; {@code extraEnv} e.g. its API key file. */
    public RunningPart startOps(Map<String, String> extraEnv) throws IOException {
        Map<String, String> env = new LinkedHashMap<>(extraEnv);
        env.put("STARLING_OPS_ROUTERS", String.join(",", routerPorts.stream().map(port -> "127.0.0.1:" + port).toList()));
        return startPart(OPS, StarlingPart.OPS, env);
    }

    /**
     * A bridge (process {@code name}) reading its rules from {@code rules} (a properties file), connected to
     * gateway {@code gatewayName} as replica {@code instance}: a restart with the same instance resumes its
     * persistent sessions. {@code extraEnv} e.g. {@code STARLING_BRIDGE_KAFKA_BOOTSTRAP_SERVERS}.
     */
    public RunningPart startBridge(String name, String instance, String gatewayName, Path rules,
                                   Map<String, String> extraEnv) throws IOException {
        Map<String, String> env = new LinkedHashMap<>(extraEnv);
        env.put("STARLING_BRIDGE_INSTANCE", instance);
        env.put("STARLING_BRIDGE_MQTT_HOST", "127.0.0.1");
        env.put("STARLING_BRIDGE_MQTT_PORT", Integer.toString(mqttPort(gatewayName)));
        env.put("QUARKUS_CONFIG_LOCATIONS", rules.toAbsolutePath().toString());
        return startPart(name, StarlingPart.BRIDGE, env);
    }

    private RunningPart startPart(String name, StarlingPart part, Map<String, String> env) throws IOException {
        return startPart(name, part, env, FreePort.find());
    }

    private RunningPart startPart(String name, StarlingPart part, Map<String, String> env, int port) throws IOException {
        JavaService service = new JavaService(name, layout.jar(part), JavaService.currentJava(), JVM_FLAGS, env, port);
        try {
            RunningPart running = started.add(service.start(logDir, READY_TIMEOUT, ProcessSession.SHARED));
            parts.add(running);
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting " + name, e);
        }
    }

    /**
     * A local CA and server certificate, made once per test run by the gateway's own dev-certs.sh (the
     * script ./starling up uses), so the tests exercise it too.
     */
    private static synchronized DevCertificates certificates(SuiteLayout layout) throws IOException {
        if (certificates == null) {
            certificates = DevCertificates.make(layout, layout.root().resolve("system-tests/target/suite-certs"), true, null);
        }
        return certificates;
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
        try {
            return certificates(layout).caCertificate();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param ws WebSocket, path /mqtt; @param wss WebSocket over TLS, path /mqtt */
    public record GatewayPorts(int mqtt, int tls, int ws, int wss) {
    }

    public RunningPart process(String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no process named " + name));
    }

    /** Where every process's log goes ({@code target/suite-logs/<test>}). */
    public Path logDir() {
        return logDir;
    }

    /** The logs of every process, for a failure message. */
    public String logs() {
        StringBuilder all = new StringBuilder();
        for (RunningPart part : parts) {
            all.append("----- ").append(part.name()).append(" -----\n").append(part.tail()).append('\n');
        }
        return all.toString();
    }

    /** Stops every process, last started first. */
    @Override
    public void close() {
        started.close();
    }
}
