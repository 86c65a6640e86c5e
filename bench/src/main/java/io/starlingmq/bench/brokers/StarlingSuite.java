package io.starlingmq.bench.brokers;

import io.starlingmq.bench.client.Endpoint;
import io.starlingmq.bench.counters.DropCounters;
import io.starlingmq.launcher.FreePort;
import io.starlingmq.launcher.GatewayEnvironment;
import io.starlingmq.launcher.JavaService;
import io.starlingmq.launcher.ManagedProcess;
import io.starlingmq.launcher.ProcessSession;
import io.starlingmq.launcher.RunningPart;
import io.starlingmq.launcher.StarlingPart;
import io.starlingmq.launcher.StartedProcesses;
import io.starlingmq.launcher.SuiteLayout;
import io.starlingmq.testing.LocalPostgres;
import java.io.IOException;
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
 * Starling in its real shape, as {@code ./starling up} runs it, started by the launcher: Redis (AOF
 * everysec; one server, or a Redis Cluster with {@code --redis}), the router and the gateway as separate
 * processes, on free ports of their own. With JWT on,
 * also PostgreSQL, the auth service trusting a key made for this run, and a second gateway that
 * authenticates devices through it.
 */
public final class StarlingSuite implements BrokerTarget {

    private static final Logger LOG = Logger.getLogger(StarlingSuite.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Path javaHome;
    private final StarlingSettings settings;
    private final StartedProcesses started = new StartedProcesses();
    /** Every process but PostgreSQL's, watched by {@link #checkAlive()}. */
    private final List<ManagedProcess> watched = new ArrayList<>();
    private final Map<String, Long> corePids = new LinkedHashMap<>();
    private final Map<String, Long> jwtPids = new LinkedHashMap<>();
    private final int mqttPort = FreePort.find();
    private final int redisPort = FreePort.find();
    private final int routerPort = FreePort.find();
    private final int gatewayHttpPort = FreePort.find();
    private final StarlingDropCounters dropCounters = new StarlingDropCounters(gatewayHttpPort, routerPort);
    private RunningPart gateway;
    private JwtAccess jwt;

    private StarlingSuite(Path javaHome, StarlingSettings settings) {
        this.javaHome = javaHome;
        this.settings = settings;
    }

    public static StarlingSuite start(Path repo, Path javaHome, Path workDir, StarlingSettings settings)
            throws IOException, InterruptedException {
        SuiteLayout layout = new SuiteLayout(repo);
        // Every jar is checked before anything starts, so a missing one fails at once.
        Path routerJar = layout.jar(StarlingPart.ROUTER);
        Path gatewayJar = layout.jar(StarlingPart.GATEWAY);
        Path authJar = settings.jwt() ? layout.jar(StarlingPart.AUTH_SERVICE) : null;
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
        Path logs = workDir.resolve("logs");
        SessionRedis redis = started.add(SessionRedis.start(settings.redis(), redisPort, workDir.resolve("redis"), logs));
        redis.processes().forEach((name, process) -> {
            watched.add(process);
            corePids.put(name, process.pid());
            jwtPids.put(name, process.pid());
        });

        RunningPart router = startPart(corePids, service("router", routerJar, routerPort, redis.routerEnvironment()), logs);
        jwtPids.put("router", router.pid());

        // The gateway that holds the conn case's connections tracks its native memory (JvmNativeMemory).
        gateway = startPart(corePids, service("gateway", gatewayJar, gatewayHttpPort,
                new GatewayEnvironment(mqttPort, List.of(routerPort)).toMap(), JvmNativeMemory.TRACKING_FLAG), logs);
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
        startPart(jwtPids, service("auth-service", authJar, authPort, Map.of(),
                "-Dquarkus.http.port=" + authPort, "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.datasource.username=postgres", "-Dquarkus.datasource.password=trusted",
                "-Dquarkus.datasource.reactive.url=postgresql:" + db, "-Dquarkus.datasource.jdbc.url=jdbc:postgresql:" + db,
                // No Keycloak in the bench: no admin API, and the built-in keycloak issuer is off.
                "-Dquarkus.oidc.tenant-enabled=false", "-Dstarling.auth.jwt.issuers.keycloak.enabled=false",
                "-Dstarling.auth.jwt.issuers.bench.public-key-file=" + key,
                "-Dstarling.auth.jwt.issuers.bench.issuer=" + DeviceTokenSigner.ISSUER,
                "-Dstarling.auth.jwt.issuers.bench.audience=" + DeviceTokenSigner.AUDIENCE,
                "-Dstarling.auth.jwt.issuers.bench.algorithms=RS256"), logs);
        AuthServiceWarmUp.run(authPort, tokens);

        int jwtMqttPort = FreePort.find();
        startPart(jwtPids, service("gateway-jwt", gatewayJar, FreePort.find(),
                new GatewayEnvironment(jwtMqttPort, List.of(routerPort)).authService("http://127.0.0.1:" + authPort).toMap()),
                logs);
        jwt = new JwtAccess(new Endpoint("127.0.0.1", jwtMqttPort, null), tokens, Collections.unmodifiableMap(new LinkedHashMap<>(jwtPids)));
    }

    /** A part on the bench's JDK with the settings' JVM options, then {@code extraFlags}. */
    private JavaService service(String name, Path jar, int httpPort, Map<String, String> env, String... extraFlags) {
        List<String> flags = new ArrayList<>(settings.jvmFlags());
        flags.addAll(List.of(extraFlags));
        return new JavaService(name, jar, javaHome.resolve("bin/java"), flags, env, httpPort);
    }

    private RunningPart startPart(Map<String, Long> pids, JavaService service, Path logs)
            throws IOException, InterruptedException {
        RunningPart part = started.add(service.start(logs, READY_TIMEOUT, ProcessSession.SHARED));
        watched.add(part.process());
        pids.put(part.name(), part.pid());
        return part;
    }

    @Override
    public String name() {
        return "Starling";
    }

    @Override
    public String configuration() {
        String base = "gateway, router and Redis (AOF everysec) as separate processes, default settings, router store redis on "
                + settings.redis().description() + ", "
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
        watched.forEach(p -> {
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
    public OptionalLong connectionHolderNativeBytes() {
        return JvmNativeMemory.committedOutsideHeap(javaHome, gateway.pid());
    }

    @Override
    public void close() {
        // Reverse start order: a gateway first, so it never sees its router vanish mid-run.
        try {
            started.close();
        } catch (RuntimeException e) {
            LOG.warnf("stopping a Starling process failed: %s", e.getMessage());
        }
    }
}
