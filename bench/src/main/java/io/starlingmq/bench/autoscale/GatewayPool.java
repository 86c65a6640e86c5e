package io.starlingmq.bench.autoscale;

import io.starlingmq.bench.brokers.PrometheusText;
import io.starlingmq.bench.brokers.StarlingSettings;
import io.starlingmq.launcher.FreePort;
import io.starlingmq.launcher.GatewayEnvironment;
import io.starlingmq.launcher.HaproxyAdmin;
import io.starlingmq.launcher.HaproxyServer;
import io.starlingmq.launcher.JavaService;
import io.starlingmq.launcher.ProcessSession;
import io.starlingmq.launcher.RedisPersistence;
import io.starlingmq.launcher.RedisServer;
import io.starlingmq.launcher.RouterEnvironment;
import io.starlingmq.launcher.RunningPart;
import io.starlingmq.launcher.StarlingPart;
import io.starlingmq.launcher.StartedProcesses;
import io.starlingmq.launcher.SuiteLayout;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Optional;

/**
 * What a Deployment and its Service are to the HPA, as processes on this machine: Redis (AOF everysec) and
 * one router, HAProxy in front (TCP, {@code leastconn}, readiness checked every 200 ms), and the gateways
 * the HPA asks for, each started with the drain and rebalance settings of the {@code k8s/} ConfigMap, put
 * behind HAProxy once ready, and drained away on SIGTERM (then taken out of HAProxy once it exited).
 */
final class GatewayPool implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration IN_SERVICE_TIMEOUT = Duration.ofSeconds(10);
    /** The ConfigMap's drain timeout (40 s), the router links' flush (5 s) and a margin. */
    static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);

    /** A gateway: its process, its MQTT port behind HAProxy, and when it was started and came into service. */
    record Gateway(String name, RunningPart part, int mqttPort, long startedNanos, long inServiceNanos) {
    }

    private final SuiteLayout layout;
    private final Path javaHome;
    private final Path logs;
    private final StarlingSettings settings;
    private final Map<String, String> gatewaySettings;
    private final StartedProcesses started = new StartedProcesses();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final List<Gateway> serving = new CopyOnWriteArrayList<>();
    private final List<Gateway> draining = new CopyOnWriteArrayList<>();
    private final List<Gateway> everyGateway = new CopyOnWriteArrayList<>();
    private int routerPort;
    private HaproxyServer haproxy;
    private int made;
    private boolean closed;

    private GatewayPool(Path repo, Path javaHome, Path work, StarlingSettings settings, Map<String, String> gatewaySettings) {
        this.layout = new SuiteLayout(repo);
        this.javaHome = javaHome;
        this.logs = work.resolve("logs");
        this.settings = settings;
        this.gatewaySettings = gatewaySettings;
    }

    /** Redis, the router, HAProxy, and {@code initial} gateways in service behind it. */
    static GatewayPool start(Path repo, Path javaHome, Path work, StarlingSettings settings,
            Map<String, String> gatewaySettings, int initial) throws IOException, InterruptedException {
        GatewayPool pool = new GatewayPool(repo, javaHome, work, settings, gatewaySettings);
        try {
            RedisServer redis = pool.started.add(RedisServer.start(FreePort.find(), work.resolve("redis"),
                    RedisPersistence.APPEND_ONLY_EVERY_SECOND, pool.logs.resolve("redis.log"), ProcessSession.SHARED));
            pool.routerPort = FreePort.find();
            pool.started.add(pool.service("router", pool.layout.jar(StarlingPart.ROUTER), pool.routerPort,
                    RouterEnvironment.redisStore(redis.uri())).start(pool.logs, READY_TIMEOUT, ProcessSession.SHARED));
            pool.haproxy = pool.started.add(HaproxyServer.start(FreePort.find(), HaproxyServer.HealthCheck.quarkusReadiness(),
                    List.of(), work.resolve("haproxy"), pool.logs.resolve("haproxy.log"), ProcessSession.SHARED));
            for (int i = 0; i < initial; i++) {
                pool.add();
            }
            return pool;
        } catch (IOException | InterruptedException | RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private JavaService service(String name, Path jar, int httpPort, Map<String, String> env) {
        return new JavaService(name, jar, javaHome.resolve("bin/java"), settings.jvmFlags(), env, httpPort);
    }

    /** Where clients connect: HAProxy's port. */
    int port() {
        return haproxy.port();
    }

    /** Starts a gateway and puts it behind HAProxy once it is ready; answers once HAProxy has it UP. */
    Gateway add() throws IOException, InterruptedException {
        String name = "gateway-" + (++made);
        int mqttPort = FreePort.find();
        int httpPort = FreePort.find();
        long startedAt = System.nanoTime();
        Map<String, String> env = new GatewayEnvironment(mqttPort, List.of(routerPort)).with(gatewaySettings).toMap();
        RunningPart part = service(name, layout.jar(StarlingPart.GATEWAY), httpPort, env)
                .start(logs, READY_TIMEOUT, ProcessSession.SHARED);
        synchronized (this) {
            if (closed) {
                // Started while the pool was being closed (Ctrl-C during a scale-out): nobody would stop it.
                part.kill();
                throw new IOException("the pool was closed while " + name + " started");
            }
            started.add(part);
        }
        HaproxyAdmin admin = haproxy.admin();
        admin.addServer(new HaproxyServer.Server(name, mqttPort, httpPort));
        long end = System.nanoTime() + IN_SERVICE_TIMEOUT.toNanos();
        while (!"UP".equals(status(admin, name))) {
            if (System.nanoTime() > end) {
                throw new IOException(name + " not in service behind HAProxy: " + status(admin, name));
            }
            Thread.sleep(50);
        }
        Gateway gateway = new Gateway(name, part, mqttPort, startedAt, System.nanoTime());
        serving.add(gateway);
        everyGateway.add(gateway);
        return gateway;
    }

    private static String status(HaproxyAdmin admin, String name) throws IOException {
        HaproxyAdmin.Stats stats = admin.stats().get(name);
        return stats == null ? "absent" : stats.status();
    }

    /**
     * SIGTERM: the gateway drains (it is no longer serving at once, as a terminating pod is no replica);
     * answers once it exited, and is out of HAProxy, with whether it exited within {@link #EXIT_TIMEOUT}.
     */
    boolean drain(Gateway gateway) throws IOException, InterruptedException {
        serving.remove(gateway);
        draining.add(gateway);
        gateway.part().terminate();
        boolean exited = gateway.part().awaitExit(EXIT_TIMEOUT);
        if (!exited) {
            gateway.part().kill();
            gateway.part().awaitExit(Duration.ofSeconds(5));
        }
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                haproxy.admin().removeServer(gateway.name());
                break;
            } catch (IOException stillCounted) {
                if (System.nanoTime() > end) {
                    throw stillCounted;
                }
                Thread.sleep(100);
            }
        }
        draining.remove(gateway);
        return exited;
    }

    List<Gateway> serving() {
        return List.copyOf(serving);
    }

    List<Gateway> draining() {
        return List.copyOf(draining);
    }

    /** Serving and draining gateways, by name, with their connection gauge (empty when it did not answer). */
    Map<String, OptionalDouble> connections() {
        Map<String, OptionalDouble> connections = new LinkedHashMap<>();
        List<Gateway> alive = new ArrayList<>(serving);
        alive.addAll(draining);
        for (Gateway g : alive) {
            connections.put(g.name(), metrics(g).map(text -> PrometheusText.counter(text, "starling_gateway_connections"))
                    .orElse(OptionalDouble.empty()));
        }
        return connections;
    }

    /** A gateway's clients asked to leave so far, by reason (drain, rebalance); empty map when it did not answer. */
    Map<String, Double> askedToLeave(Gateway gateway) {
        return metrics(gateway).map(text -> PrometheusText.counterByLabel(text,
                "starling_gateway_clients_asked_to_leave", "reason")).orElse(Map.of());
    }

    private Optional<String> metrics(Gateway gateway) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.part().httpPort() + "/q/metrics"))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Every gateway started, in order. */
    List<Gateway> everyGateway() {
        return List.copyOf(everyGateway);
    }

    /** The gateways (last started first), then HAProxy, the router and Redis; a gateway starting now is killed. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        started.close();
    }
}
