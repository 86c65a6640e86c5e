package io.starlingmq.bench.brokers;

import io.starlingmq.bench.load.Endpoint;
import io.starlingmq.bench.scenario.DropCounters;
import io.starlingmq.testing.FreePort;
import io.starlingmq.testing.LocalPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jboss.logging.Logger;

/**
 * Starling in its real shape, as {@code ./starling up} runs it: Redis (AOF everysec), the router and the
 * gateway as separate processes, on free ports of their own. With JWT on, also PostgreSQL, the auth
 * service trusting a key made for this run, and a second gateway that authenticates devices through it.
 */
public final class StarlingSuite implements BrokerTarget {

    private static final Logger LOG = Logger.getLogger(StarlingSuite.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Path javaHome;
    private final StarlingSettings settings;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, Long> corePids = new LinkedHashMap<>();
    private final Map<String, Long> jwtPids = new LinkedHashMap<>();
    private final int mqttPort = FreePort.find();
    private final int redisPort = FreePort.find();
    private final int routerPort = FreePort.find();
    private final int gatewayHttpPort = FreePort.find();
    private final StarlingDropCounters dropCounters = new StarlingDropCounters(gatewayHttpPort, routerPort);
    private ManagedProcess gateway;
    private JwtAccess jwt;

    private StarlingSuite(Path javaHome, StarlingSettings settings) {
        this.javaHome = javaHome;
        this.settings = settings;
    }

    public static StarlingSuite start(Path repo, Path javaHome, Path workDir, StarlingSettings settings)
            throws IOException, InterruptedException {
        Path routerJar = repo.resolve("services/router/target/quarkus-app/quarkus-run.jar");
        Path gatewayJar = repo.resolve("gateway/target/quarkus-app/quarkus-run.jar");
        Path authJar = repo.resolve("auth-service/target/quarkus-app/quarkus-run.jar");
        List<Path> jars = settings.jwt() ? List.of(routerJar, gatewayJar, authJar) : List.of(routerJar, gatewayJar);
        for (Path jar : jars) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("missing " + jar
                        + ": build it first (./mvnw install -DskipTests -pl gateway,services/router,auth-service -am)");
            }
        }
        StarlingSuite suite = new StarlingSuite(javaHome, settings);
        try {
            suite.startCore(routerJar, gatewayJar, workDir);
            if (settings.jwt()) {
                suite.startJwt(authJar, gatewayJar, workDir);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            suite.close();
            throw e;
        }
        return suite;
    }

    private void startCore(Path routerJar, Path gatewayJar, Path workDir) throws IOException, InterruptedException {
        Path redisDir = Files.createDirectories(workDir.resolve("redis"));
        Path logs = workDir.resolve("logs");
        ManagedProcess redis = track(corePids, ManagedProcess.start("redis", List.of("redis-server", "--port",
                Integer.toString(redisPort), "--bind", "127.0.0.1", "--dir", redisDir.toString(), "--appendonly", "yes",
                "--appendfsync", "everysec", "--save", ""), Map.of(), logs));
        redis.awaitReady(() -> RedisPing.ok(redisPort), Duration.ofSeconds(20));
        jwtPids.put("redis", redis.pid());

        ManagedProcess router = track(corePids, ManagedProcess.start("router", javaCommand(routerJar), Map.of(
                "STARLING_ROUTER_STORE", "redis",
                "QUARKUS_REDIS_HOSTS", "redis://127.0.0.1:" + redisPort,
                "QUARKUS_HTTP_PORT", Integer.toString(routerPort)), logs));
        router.awaitReady(ManagedProcess.httpOk("http://127.0.0.1:" + routerPort + "/q/health/ready"), READY_TIMEOUT);
        jwtPids.put("router", router.pid());

        // The gateway that holds the conn case's connections tracks its native memory (JvmNativeMemory).
        gateway = track(corePids, ManagedProcess.start("gateway", javaCommand(gatewayJar, JvmNativeMemory.TRACKING_FLAG), Map.of(
                "QUARKUS_HTTP_PORT", Integer.toString(gatewayHttpPort),
                "STARLING_GATEWAY_MQTT_PORT", Integer.toString(mqttPort),
                "STARLING_GATEWAY_ROUTERS", "127.0.0.1:" + routerPort), logs));
        gateway.awaitReady(ManagedProcess.httpOk("http://127.0.0.1:" + gatewayHttpPort + "/q/health/ready"), READY_TIMEOUT);
    }

    /** PostgreSQL, the auth service with this run's key as its only device-token issuer, and a gateway in auth mode service. */
    private void startJwt(Path authJar, Path gatewayJar, Path workDir) throws IOException, InterruptedException {
        Path logs = workDir.resolve("logs");
        LocalPostgres postgres = LocalPostgres.start(logs.resolve("postgres.log"));
        // An allowed connect reads the registry's rules for the device, so the database is on the path.
        started.add(postgres);
        jwtPids.put("postgres", postgres.serverPid());

        DeviceTokenSigner tokens = DeviceTokenSigner.generate();
        Path key = tokens.writePublicKey(workDir.resolve("bench-key/public.pem"));
        int authPort = FreePort.find();
        String db = "//127.0.0.1:" + postgres.port() + "/postgres";
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString()));
        command.addAll(settings.jvmFlags());
        command.addAll(List.of(
                "-Dquarkus.http.port=" + authPort, "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.datasource.username=postgres", "-Dquarkus.datasource.password=trusted",
                "-Dquarkus.datasource.reactive.url=postgresql:" + db, "-Dquarkus.datasource.jdbc.url=jdbc:postgresql:" + db,
                // No Keycloak in the bench: no admin API, and the built-in keycloak issuer is off.
                "-Dquarkus.oidc.tenant-enabled=false", "-Dstarling.auth.jwt.issuers.keycloak.enabled=false",
                "-Dstarling.auth.jwt.issuers.bench.public-key-file=" + key,
                "-Dstarling.auth.jwt.issuers.bench.issuer=" + DeviceTokenSigner.ISSUER,
                "-Dstarling.auth.jwt.issuers.bench.audience=" + DeviceTokenSigner.AUDIENCE,
                "-Dstarling.auth.jwt.issuers.bench.algorithms=RS256",
                "-jar", authJar.toString()));
        ManagedProcess auth = track(jwtPids, ManagedProcess.start("auth-service", command, Map.of(), logs));
        auth.awaitReady(ManagedProcess.httpOk("http://127.0.0.1:" + authPort + "/q/health/ready"), READY_TIMEOUT);
        AuthServiceWarmUp.run(authPort, tokens);

        int jwtMqttPort = FreePort.find();
        int jwtHttpPort = FreePort.find();
        ManagedProcess jwtGateway = track(jwtPids, ManagedProcess.start("gateway-jwt", javaCommand(gatewayJar), Map.of(
                "QUARKUS_HTTP_PORT", Integer.toString(jwtHttpPort),
                "STARLING_GATEWAY_MQTT_PORT", Integer.toString(jwtMqttPort),
                "STARLING_GATEWAY_ROUTERS", "127.0.0.1:" + routerPort,
                "STARLING_GATEWAY_AUTH_MODE", "service",
                "STARLING_GATEWAY_AUTH_URL", "http://127.0.0.1:" + authPort), logs));
        jwtGateway.awaitReady(ManagedProcess.httpOk("http://127.0.0.1:" + jwtHttpPort + "/q/health/ready"), READY_TIMEOUT);
        jwt = new JwtAccess(new Endpoint("127.0.0.1", jwtMqttPort, null), tokens, Collections.unmodifiableMap(new LinkedHashMap<>(jwtPids)));
    }

    private List<String> javaCommand(Path jar, String... extraFlags) {
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString()));
        command.addAll(settings.jvmFlags());
        command.addAll(List.of(extraFlags));
        command.addAll(List.of("-jar", jar.toString()));
        return command;
    }

    private ManagedProcess track(Map<String, Long> pids, ManagedProcess process) {
        started.add(process);
        pids.put(process.name(), process.pid());
        return process;
    }

    @Override
    public String name() {
        return "Starling";
    }

    @Override
    public String configuration() {
        String base = "gateway, router and Redis (AOF everysec) as separate processes, default settings, router store redis, "
                + "JVM heaps fixed at " + settings.heapMb() + " MB (-Xms = -Xmx), the JVM options of ./starling up ("
                + String.join(" ", StarlingSettings.SERVICE_FLAGS) + "), the gateway with " + JvmNativeMemory.TRACKING_FLAG;
        return settings.jwt() ? base + "; for auth-connect also PostgreSQL, the auth service (static-key issuer made for "
                + "the run, RS256) and a second gateway with auth mode service" : base;
    }

    @Override
    public Endpoint endpoint() {
        return new Endpoint("127.0.0.1", mqttPort, null);
    }

    @Override
    public Map<String, Long> processes() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(corePids));
    }

    @Override
    public Optional<JwtAccess> jwtAccess() {
        return Optional.ofNullable(jwt);
    }

    /** The anonymous gateway's and the router's counters: the JWT gateway carries no traffic of the drop scenarios. */
    @Override
    public Optional<DropCounters> readDropCounters() {
        return Optional.of(dropCounters.read());
    }

    @Override
    public void checkAlive() {
        started.forEach(p -> {
            if (p instanceof ManagedProcess m && !m.isAlive()) {
                throw new IllegalStateException("Starling's " + m.name() + " is not running any more");
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
    public OptionalLong connectionHolderNativeBytes() {
        return JvmNativeMemory.committedOutsideHeap(javaHome, gateway.pid());
    }

    @Override
    public void close() {
        // Reverse start order: a gateway first, so it never sees its router vanish mid-run.
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                LOG.warnf("stopping a Starling process failed: %s", e.getMessage());
            }
        }
    }
}
