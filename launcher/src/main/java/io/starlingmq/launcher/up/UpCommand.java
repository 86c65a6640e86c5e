package io.starlingmq.launcher.up;

import io.starlingmq.launcher.DevCertificates;
import io.starlingmq.launcher.Executables;
import io.starlingmq.launcher.FreePort;
import io.starlingmq.launcher.GatewayEnvironment;
import io.starlingmq.launcher.HaproxyServer;
import io.starlingmq.launcher.JavaService;
import io.starlingmq.launcher.KafkaBrokerConfig;
import io.starlingmq.launcher.KafkaServer;
import io.starlingmq.launcher.KeycloakServer;
import io.starlingmq.launcher.ManagedProcess;
import io.starlingmq.launcher.PostgresBinaries;
import io.starlingmq.launcher.PostgresServer;
import io.starlingmq.launcher.ProcessSession;
import io.starlingmq.launcher.ProcessTree;
import io.starlingmq.launcher.Readiness;
import io.starlingmq.launcher.RedisCluster;
import io.starlingmq.launcher.RedisPersistence;
import io.starlingmq.launcher.RedisServer;
import io.starlingmq.launcher.RouterEnvironment;
import io.starlingmq.launcher.RunningPart;
import io.starlingmq.launcher.StarlingPart;
import io.starlingmq.launcher.StartedProcesses;
import io.starlingmq.launcher.SuiteLayout;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code ./starling up}: Redis (when installed; a Redis Cluster of six nodes with --redis-cluster), PostgreSQL
 * and the auth service (unless anonymous),
 * Keycloak (with --keycloak), one router and one gateway (or several behind HAProxy with --gateways), ops,
 * and with --kafka Kafka and the bridge, each in a session of its own with a pid file in .starling/run;
 * then the banner, and either return (--detach) or watch them until Ctrl-C.
 */
final class UpCommand {

    /**
     * The services' JVM options (the bench starts them with the same). Objects made at start-up would
     * otherwise be copied between survivor spaces for 15 young collections, which lengthened each pause
     * from ~2 ms to ~15 ms for the first minute under load (bench finding 11).
     */
    static final List<String> SERVICE_JVM_FLAGS = List.of("-XX:MaxTenuringThreshold=2");
    private static final Duration KEYCLOAK_MIN_READY_TIMEOUT = KeycloakServer.READY_TIMEOUT;

    private final UpOptions o;
    private final SuiteLayout layout;
    private final RunDirectory run;
    private final FleetRecords fleet;
    private final PrintStream out;
    private final PrintStream err;
    private final StartedProcesses started = new StartedProcesses();
    private final List<ManagedProcess> watched = new ArrayList<>();
    /** The Redis Cluster's nodes by their run-directory name: one may stop without the suite stopping. */
    private final Map<ManagedProcess, String> clusterNodes = new HashMap<>();
    private final AtomicBoolean stopRequested = new AtomicBoolean();

    UpCommand(UpOptions options, PrintStream out, PrintStream err) {
        this.o = options;
        this.layout = new SuiteLayout(options.root());
        this.run = new RunDirectory(options.run());
        this.fleet = new FleetRecords(options.run());
        this.out = out;
        this.err = err;
    }

    /** The exit code: 0 once up (detached) or stopped by Ctrl-C, 1 when a part failed. */
    int run() {
        if (!o.detach()) {
            Thread main = Thread.currentThread();
            Runnable stop = () -> {
                stopRequested.set(true);
                main.interrupt();
            };
            StopSignals.onInterruptOrTerminate(stop);
        }
        try {
            startAll();
            if (o.detach()) {
                out.println();
                out.println("Running detached; stop with: ./starling down");
                return 0;
            }
            out.println();
            out.println("Ctrl-C stops everything.");
            return watch();
        } catch (InterruptedException | RuntimeException | IOException e) {
            Thread.interrupted();
            if (stopRequested.get()) {
                return stopOnRequest();
            }
            if (e.getMessage() != null) {
                err.println("starling: " + e.getMessage());
            }
            stopAll();
            return 1;
        }
    }

    private void startAll() throws IOException, InterruptedException {
        PostgresBinaries postgres = null;
        if (o.mode().authenticates()) {
            postgres = PostgresBinaries.find().orElseThrow(() -> new UpFailure(
                    "the auth service needs PostgreSQL: install the Debian package postgresql (apt-get install postgresql)"));
        }
        if (o.redisCluster().isPresent()) {
            // Asked for by name: no quiet fallback to the in-memory store.
            Optional<String> missing = LocalRedisCluster.missingTools();
            if (missing.isPresent()) {
                throw new UpFailure(missing.get());
            }
        }
        UpOptions.Ports p = o.ports();
        List<Integer> ports = new ArrayList<>(List.of(p.router(), p.mqtt(), p.gatewayHttp(), p.tls(), p.ws(), p.wss(),
                p.ops()));
        for (int i = 1; i < o.gateways(); i++) {
            ports.add(p.gatewayHttp() + i);
        }
        if (o.gateways() > 1 && Executables.find("haproxy").isEmpty()) {
            throw new UpFailure("--gateways needs HAProxy in front of them: install the Debian package haproxy");
        }
        if (o.mode().authenticates()) {
            ports.addAll(List.of(p.auth(), p.postgres()));
        }
        if (o.mode() == UpOptions.Mode.KEYCLOAK) {
            ports.addAll(List.of(p.keycloak(), p.keycloakManagement()));
        }
        o.kafka().ifPresent(k -> ports.addAll(List.of(k.kafka(), k.controller(), k.bridgeHttp())));
        o.redisCluster().ifPresent(cluster -> ports.addAll(cluster.all()));
        Set<Integer> distinct = new HashSet<>();
        for (int port : ports) {
            // The cluster's bus ports (its ports + 10000) are easy to overlap with another part's.
            if (!distinct.add(port)) {
                throw new UpFailure("port " + port + " is set for two parts; change one of the STARLING_UP_*_PORT");
            }
        }
        if (o.kafka().isPresent() && o.mode() == UpOptions.Mode.KEYCLOAK) {
            throw new UpFailure("--kafka and --keycloak exclude each other: the bridge's credential is signed with the"
                    + " local development key, which the auth service trusts only without --keycloak");
        }
        for (int port : ports) {
            if (Readiness.acceptsConnections(port).ready()) {
                throw new UpFailure("port " + port + " is already in use; stop what holds it or set STARLING_UP_*_PORT");
            }
        }
        DevKey devKey = new DevKey(o.devKey());
        if (o.mode().authenticates() && devKey.ensure()) {
            out.println("made a development key pair in " + o.devKey());
        }
        if (o.mode() == UpOptions.Mode.ANONYMOUS) {
            err.println("WARNING: --anonymous: devices connect WITHOUT authentication and without access rules.");
        }

        String store;
        Map<String, String> routerEnv;
        List<RedisCluster.Node> clusterTopology = List.of();
        if (o.redisCluster().isPresent()) {
            RedisCluster cluster = startRedisCluster();
            clusterTopology = cluster.nodes();
            store = UpBanner.clusterStore(clusterTopology, LocalRedisCluster.WAIT_REPLICAS);
            routerEnv = LocalRedisCluster.routerEnvironment(cluster);
        } else if (Executables.find("redis-server").isPresent()) {
            if (Readiness.acceptsConnections(p.redis()).ready()) {
                throw new UpFailure("port " + p.redis() + " (Redis) is already in use; set STARLING_UP_REDIS_PORT");
            }
            Path dir = o.state().resolve("redis");
            RedisServer redis = RedisServer.start(p.redis(), dir, RedisPersistence.APPEND_ONLY_EVERY_SECOND,
                    log("redis"), ProcessSession.OWN);
            track("redis", redis, redis.process());
            store = "redis (127.0.0.1:" + p.redis() + ", append-only file in " + dir + ")";
            routerEnv = RouterEnvironment.redisStore(redis.uri());
        } else {
            store = "in-memory";
            out.println("NOTICE: redis-server is not installed: the router keeps sessions in memory and nothing survives a restart.");
            out.println("        (apt-get install redis-server for durable sessions)");
            routerEnv = RouterEnvironment.memoryStore();
        }

        if (o.kafka().isPresent()) {
            startKafka(o.kafka().get());
        }

        if (o.mode().authenticates()) {
            startAuth(postgres, devKey);
        } else {
            run.recordMode(UpOptions.Mode.ANONYMOUS);
        }

        startPart("router", StarlingPart.ROUTER, p.router(), routerEnv);

        DevCertificates certs;
        if (Executables.find("openssl").isEmpty()) {
            throw new UpFailure("openssl is needed for the local certificates (apt-get install openssl)");
        }
        try {
            certs = DevCertificates.make(layout, o.certificates(), false, log("certs"));
        } catch (IOException e) {
            throw new UpFailure("could not make the local certificates; see " + log("certs"));
        }
        List<LocalGateway> gateways = new ArrayList<>();
        if (o.gateways() == 1) {
            ListenerPorts own = new ListenerPorts(p.mqtt(), p.tls(), p.ws(), p.wss());
            startPart("gateway", StarlingPart.GATEWAY, p.gatewayHttp(), gatewayEnvironment(own, certs).toMap());
        } else {
            for (int i = 1; i <= o.gateways(); i++) {
                ListenerPorts own = new ListenerPorts(FreePort.find(), FreePort.find(), FreePort.find(), FreePort.find());
                LocalGateway gateway = new LocalGateway(LocalGateway.name(i), own, p.gatewayHttp() + i - 1);
                Map<String, String> env = gatewayEnvironment(own, certs).toMap();
                if (i == 1) {
                    // What 'scale' gives the gateways it adds; their own ports win over these.
                    fleet.recordEnvironment(env);
                }
                startPart(gateway.name(), StarlingPart.GATEWAY, gateway.httpPort(), env);
                fleet.record(gateway);
                gateways.add(gateway);
            }
            startLoadBalancers(gateways);
        }

        startOps();

        boolean bridge = o.kafka().isPresent() && startBridge(o.kafka().get(), devKey);

        UpBanner.print(out, o, store, layout.realmFile());
        if (o.redisCluster().isPresent()) {
            UpBanner.printRedisCluster(out, o, clusterTopology, LocalRedisCluster.NODE_TIMEOUT);
        }
        if (!gateways.isEmpty()) {
            printGateways(gateways);
        }
        if (o.kafka().isPresent()) {
            UpBanner.printKafka(out, o, bridge);
        }
    }

    /**
     * The Redis Cluster of {@code --redis-cluster}, each node tracked on its own (pid file, watched), so
     * {@code down} and a stop after a failed start reach every node. A node's pid file is written as soon as
     * it answers, so an 'up' killed while the cluster forms leaves nothing that 'down' does not know.
     */
    private RedisCluster startRedisCluster() throws IOException, InterruptedException {
        UpOptions.RedisClusterPorts ports = o.redisCluster().orElseThrow();
        out.println("starting the Redis Cluster (" + UpOptions.RedisClusterPorts.NODES + " nodes on ports "
                + ports.first() + "-" + (ports.first() + UpOptions.RedisClusterPorts.NODES - 1) + ", data in "
                + o.redisClusterData() + ") ...");
        List<ManagedProcess> nodes = new ArrayList<>();
        RedisCluster cluster;
        try {
            cluster = LocalRedisCluster.start(o, ProcessSession.OWN, node -> {
                nodes.add(node);
                run.recordPid(LocalRedisCluster.name(nodes.size()), node.pid());
            });
        } catch (IOException | RuntimeException | InterruptedException e) {
            // RedisCluster.start stopped the nodes it started.
            for (int i = 1; i <= nodes.size(); i++) {
                run.forget(LocalRedisCluster.name(i));
            }
            if (e instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            err.println("starling: " + e.getMessage());
            throw new UpFailure("the Redis Cluster did not start; see " + o.logs().resolve("redis-" + ports.first()
                    + ".log") + " and the other nodes' logs beside it");
        }
        for (int i = 0; i < nodes.size(); i++) {
            String name = LocalRedisCluster.name(i + 1);
            track(name, nodes.get(i), nodes.get(i));
            clusterNodes.put(nodes.get(i), name);
        }
        return cluster;
    }

    /** A single-node Kafka with its data in .starling/kafka, kept between runs. */
    private void startKafka(UpOptions.KafkaPorts ports) throws IOException, InterruptedException {
        KafkaServer kafka;
        try {
            kafka = KafkaServer.start(layout.kafkaLibs(), new KafkaBrokerConfig(ports.kafka(), ports.controller(),
                    o.kafkaData()), log("kafka"), ProcessSession.OWN);
        } catch (IOException | RuntimeException e) {
            err.println("starling: " + e.getMessage());
            throw new UpFailure("Kafka did not start; see " + log("kafka"));
        }
        track("kafka", kafka, kafka.process());
    }

    /**
     * The bridge between the gateway's MQTT port and Kafka, with the rules of {@link BridgeRules}. Answers
     * whether it runs (always: a missing app fails the start, saying how to build it).
     */
    private boolean startBridge(UpOptions.KafkaPorts ports, DevKey devKey) throws IOException, InterruptedException {
        BridgeRules.write(o.bridgeRules());
        Optional<String> password = o.mode() == UpOptions.Mode.DEV_KEY ? Optional.of(LocalBridge.token(devKey))
                : Optional.empty();
        Map<String, String> env = LocalBridge.environment(o.ports().mqtt(), "127.0.0.1:" + ports.kafka(),
                o.bridgeRules(), password);
        JavaService service = new JavaService("bridge", layout.jar(StarlingPart.BRIDGE), JavaService.currentJava(),
                SERVICE_JVM_FLAGS, env, ports.bridgeHttp());
        RunningPart running = service.start(o.logs(), o.readyTimeout(), ProcessSession.OWN, "/q/health/ready");
        track("bridge", running, running.process());
        return true;
    }

    private GatewayEnvironment gatewayEnvironment(ListenerPorts ports, DevCertificates certs) {
        GatewayEnvironment env = new GatewayEnvironment(ports.mqtt(), List.of(o.ports().router()))
                .tls(ports.tls(), certs.serverCertificate(), certs.serverKey())
                .webSocket(ports.ws())
                .secureWebSocket(ports.wss());
        if (o.mode().authenticates()) {
            env.authService("http://127.0.0.1:" + o.ports().auth());
        } else {
            env.anonymous();
        }
        return env;
    }

    /**
     * One HAProxy per public MQTT port (TCP mode: TLS passes through to the gateways), each balancing over
     * the gateways' own port for that listener, health-checking their readiness, so a draining gateway is
     * out within a second.
     */
    private void startLoadBalancers(List<LocalGateway> gateways) throws IOException, InterruptedException {
        UpOptions.Ports p = o.ports();
        Map<String, Integer> publicPorts = new LinkedHashMap<>();
        publicPorts.put("mqtt", p.mqtt());
        publicPorts.put("tls", p.tls());
        publicPorts.put("ws", p.ws());
        publicPorts.put("wss", p.wss());
        for (Map.Entry<String, Integer> listener : publicPorts.entrySet()) {
            List<HaproxyServer.Server> servers = gateways.stream().map(g -> new HaproxyServer.Server(g.name(),
                    g.ports().of(listener.getKey()), g.httpPort())).toList();
            String name = "haproxy-" + listener.getKey();
            HaproxyServer balancer = HaproxyServer.start(listener.getValue(), HaproxyServer.HealthCheck.quarkusReadiness(),
                    servers, o.state().resolve(name), log(name), ProcessSession.OWN);
            track(name, balancer, balancer.process());
        }
    }

    private void printGateways(List<LocalGateway> gateways) {
        UpOptions.Ports p = o.ports();
        out.println();
        out.printf("%d gateways behind HAProxy, which holds %d (MQTT), %d (TLS), %d (WebSocket) and %d (WSS):%n",
                gateways.size(), p.mqtt(), p.tls(), p.ws(), p.wss());
        for (LocalGateway g : gateways) {
            out.printf("  %-10s MQTT %d, TLS %d, WS %d, WSS %d; health http://127.0.0.1:%d/q/health%n", g.name(),
                    g.ports().mqtt(), g.ports().tls(), g.ports().ws(), g.ports().wss(), g.httpPort());
        }
    }

    /**
     * Ops, asking the router, with the local API key (made on the first run) as its bootstrap key file; the suite's
     * PostgreSQL (schema ops) for its API keys and audit trail when one runs, Keycloak's realm as its token issuer
     * and the auth service's admin API for the dashboard's devices page with --keycloak.
     */
    private void startOps() throws IOException, InterruptedException {
        LocalApiKey apiKey = new LocalApiKey(o.apiKey());
        if (apiKey.ensure()) {
            out.println("made a local API key for the admin API in " + o.apiKey());
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("STARLING_OPS_ROUTERS", "127.0.0.1:" + o.ports().router());
        env.put("STARLING_OPS_API_KEYS_BOOTSTRAP_FILE", o.apiKey().toString());
        // With --kafka ops lists the bridge's rules (/api/v5/bridges); the bridge starts after ops.
        o.kafka().ifPresent(kafka -> env.put("STARLING_OPS_BRIDGES_URLS", "http://127.0.0.1:" + kafka.bridgeHttp()));
        if (o.mode().authenticates()) {
            env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:" + o.ports().postgres() + "/postgres");
            env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
            env.put("QUARKUS_DATASOURCE_PASSWORD", "trusted");
        }
        if (o.mode() == UpOptions.Mode.KEYCLOAK) {
            env.put("STARLING_OPS_OIDC_AUTH_SERVER_URL", "http://127.0.0.1:" + o.ports().keycloak() + "/realms/starling");
            // The auth service's admin API takes Keycloak's tokens only, so only then can the dashboard use it.
            env.put("STARLING_OPS_AUTH_SERVICE_URL", "http://127.0.0.1:" + o.ports().auth());
        }
        startPart("ops", StarlingPart.OPS, o.ports().ops(), env);
    }

    /** PostgreSQL, Keycloak when asked for, and the auth service, warmed up. */
    private void startAuth(PostgresBinaries bin, DevKey devKey) throws IOException, InterruptedException {
        UpOptions.Ports p = o.ports();
        try {
            PostgresServer postgres = PostgresServer.start(bin, o.postgresHome(), p.postgres(), true,
                    PostgresServer.Shutdown.FAST, log("postgres"), ProcessSession.OWN);
            track("postgres", postgres, postgres.process());
        } catch (IOException | RuntimeException e) {
            err.println("starling: " + e.getMessage());
            throw new UpFailure("PostgreSQL (for the auth service) did not start");
        }
        boolean keycloak = o.mode() == UpOptions.Mode.KEYCLOAK;
        String realm = "http://127.0.0.1:" + p.keycloak() + "/realms/starling";
        if (keycloak) {
            out.println("starting Keycloak (the first start takes about a minute) ...");
            KeycloakServer server = new KeycloakServer(o.keycloakHome(), layout.realmFile(), p.keycloak(),
                    p.keycloakManagement(), "admin", "admin", Path.of(System.getProperty("java.home")));
            Duration timeout = o.readyTimeout().compareTo(KEYCLOAK_MIN_READY_TIMEOUT) > 0 ? o.readyTimeout()
                    : KEYCLOAK_MIN_READY_TIMEOUT;
            try {
                ManagedProcess process = server.start(log("keycloak"), ProcessSession.OWN, timeout);
                track("keycloak", process, process);
            } catch (IOException | RuntimeException e) {
                err.println("starling: " + e.getMessage());
                throw new UpFailure("Keycloak did not start; see " + log("keycloak"));
            }
            run.recordMode(UpOptions.Mode.KEYCLOAK);
        } else {
            run.recordMode(UpOptions.Mode.DEV_KEY);
            run.recordDeviceAcl(o.deviceAcl());
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_PROFILE", "local");
        env.put("STARLING_AUTH_DB_USER", "postgres");
        env.put("STARLING_AUTH_DB_PASSWORD", "trusted");
        env.put("STARLING_AUTH_DB_REACTIVE_URL", "postgresql://127.0.0.1:" + p.postgres() + "/postgres");
        env.put("STARLING_AUTH_DB_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + p.postgres() + "/postgres");
        env.put("STARLING_AUTH_DEV_KEY_FILE", devKey.publicKey().toString());
        env.put("STARLING_AUTH_DEV_KEY_ENABLED", Boolean.toString(!keycloak));
        env.put("STARLING_AUTH_KEYCLOAK_ENABLED", Boolean.toString(keycloak));
        env.put("STARLING_AUTH_KEYCLOAK_URL", realm);
        env.put("STARLING_AUTH_OIDC_URL", realm);
        try {
            startPart("auth", StarlingPart.AUTH_SERVICE, p.auth(), env);
            String token = keycloak ? null : signWarmUpToken(devKey);
            AuthServiceWarmUp.run(p.auth(), token);
        } catch (IOException | RuntimeException e) {
            err.println("starling: " + e.getMessage() + (e instanceof UpFailure ? "; see " + log("auth") : ""));
            throw new UpFailure("the auth service did not start; see " + log("auth"));
        }
    }

    private String signWarmUpToken(DevKey devKey) throws IOException {
        try {
            return DevKeyToken.sign(devKey.readPrivateKey(), "starling-up-warm-up", o.deviceAcl());
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("could not sign with " + devKey.privateKey(), e);
        }
    }

    private void startPart(String name, StarlingPart part, int httpPort, Map<String, String> env)
            throws IOException, InterruptedException {
        JavaService service = new JavaService(name, layout.jar(part), JavaService.currentJava(), SERVICE_JVM_FLAGS,
                env, httpPort);
        RunningPart running = service.start(o.logs(), o.readyTimeout(), ProcessSession.OWN);
        track(name, running, running.process());
    }

    private void track(String name, AutoCloseable stoppable, ManagedProcess process) {
        started.add(new Tracked(name, process.pid(), stoppable, run));
        run.recordPid(name, process.pid());
        watched.add(process);
    }

    /**
     * Checks every second that each process still runs; when one stopped, stops the others (a Redis Cluster
     * node excepted: {@link #lostClusterNode}).
     */
    private int watch() {
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.interrupted();
                return stopOnRequest();
            }
            watched.removeIf(this::scaledAway);
            watched.removeIf(this::lostClusterNode);
            for (ManagedProcess process : watched) {
                if (!process.isAlive() && !stopRequested.get() && !clusterNodes.containsKey(process)) {
                    err.println("starling: " + process.name() + " stopped unexpectedly; see " + process.log());
                    stopAll();
                    return 1;
                }
            }
        }
    }

    /** A gateway that exited because './starling scale' drained it away (or whose pid file it took over). */
    private boolean scaledAway(ManagedProcess process) {
        String name = process.name();
        if (process.isAlive() || !name.startsWith(LocalGateway.PREFIX)) {
            return false;
        }
        OptionalLong leaving = fleet.leaving(name);
        OptionalLong recorded = run.pid(name);
        return (leaving.isPresent() && leaving.getAsLong() == process.pid())
                || recorded.isEmpty() || recorded.getAsLong() != process.pid();
    }

    /**
     * A Redis Cluster node that stopped: said, not fatal, as the cluster serves on while every slot has a
     * master (a master's replica takes over after the node timeout), so a failover can be tried locally.
     */
    private boolean lostClusterNode(ManagedProcess process) {
        String name = clusterNodes.get(process);
        if (name == null || process.isAlive() || stopRequested.get()) {
            return false;
        }
        err.println("starling: the Redis Cluster node " + name + " stopped; see " + process.log() + ". The cluster "
                + "goes on while each slot has a master: a lost master's replica takes over after "
                + LocalRedisCluster.NODE_TIMEOUT.toSeconds() + " s. The next 'up --redis-cluster' starts it again.");
        OptionalLong recorded = run.pid(name);
        if (recorded.isPresent() && recorded.getAsLong() == process.pid()) {
            run.forget(name);
        }
        return true;
    }

    private int stopOnRequest() {
        out.println();
        out.println("stopping ...");
        stopAll();
        return 0;
    }

    private void stopAll() {
        try {
            stopGatewaysAddedByScale();
            started.close();
        } catch (RuntimeException e) {
            err.println("starling: " + e.getMessage());
        }
        fleet.clear();
        run.clearRunInfo();
    }

    /** Gateways that './starling scale' started: this 'up' stops them too, before the router they use. */
    private void stopGatewaysAddedByScale() {
        Set<Long> ours = new HashSet<>();
        watched.forEach(process -> ours.add(process.pid()));
        for (LocalGateway gateway : fleet.gateways()) {
            OptionalLong pid = run.pid(gateway.name());
            if (pid.isPresent() && !ours.contains(pid.getAsLong())) {
                ProcessHandle.of(pid.getAsLong()).ifPresent(p -> ProcessTree.stop(p, ManagedProcess.STOP_GRACE));
                run.forget(gateway.name());
            }
        }
    }

    private Path log(String name) {
        return o.logs().resolve(name + ".log");
    }

    /** A started process whose pid file goes once it is stopped (unless 'scale' gave the name to another). */
    private record Tracked(String name, long pid, AutoCloseable process, RunDirectory run) implements AutoCloseable {

        @Override
        public void close() throws Exception {
            try {
                process.close();
            } finally {
                OptionalLong recorded = run.pid(name);
                if (recorded.isPresent() && recorded.getAsLong() == pid) {
                    run.forget(name);
                }
            }
        }
    }
}
