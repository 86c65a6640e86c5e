package io.starlingmq.systemtests.harness.fleet;

import io.starlingmq.launcher.FreePort;
import io.starlingmq.launcher.HaproxyAdmin;
import io.starlingmq.launcher.HaproxyServer;
import io.starlingmq.launcher.ProcessSession;
import io.starlingmq.launcher.RunningPart;
import io.starlingmq.testing.fleet.Await;
import io.starlingmq.systemtests.harness.StarlingSuite;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gateways behind a real load balancer, as a Kubernetes Service puts them: the suite's Redis and routers
 * ({@link StarlingSuite}), gateways as separate processes (MQTT over TCP only, each with the fleet's drain
 * settings), and {@link HaproxyServer} in front of them (TCP, {@code leastconn}, each gateway's readiness
 * checked on its HTTP port). Clients connect to {@link #port()} only. Gateways can be started (and put
 * behind the load balancer once ready), sent SIGTERM (their drain, watched by the caller), SIGKILLed, and
 * taken out of the load balancer: what an HPA scale-in, a scale-out or a rolling update does.
 */
public final class GatewayFleet implements AutoCloseable {

    private static final Duration IN_SERVICE_TIMEOUT = Duration.ofSeconds(10);

    private final StarlingSuite suite;
    private final Map<String, String> gatewayEnv;
    private final int port = FreePort.find();
    private final List<String> gateways = new ArrayList<>();
    private HaproxyServer haproxy;

    private GatewayFleet(StarlingSuite suite, Map<String, String> gatewayEnv) {
        this.suite = suite;
        this.gatewayEnv = gatewayEnv;
    }

    /**
     * Redis (flushed), {@code routers} routers, the named gateways with the drain settings, and HAProxy
     * in front of them; answers once every gateway is in service behind it.
     */
    public static GatewayFleet start(String testName, int routers, DrainSettings drain, String... gatewayNames)
            throws IOException, InterruptedException {
        return start(testName, routers, drain, Map.of(), gatewayNames);
    }

    /** As {@link #start(String, int, DrainSettings, String...)}, every gateway with further settings (e.g. the rebalance's). */
    public static GatewayFleet start(String testName, int routers, DrainSettings drain, Map<String, String> gatewaySettings,
            String... gatewayNames) throws IOException, InterruptedException {
        Map<String, String> env = new LinkedHashMap<>(drain.environment());
        env.putAll(gatewaySettings);
        GatewayFleet fleet = new GatewayFleet(StarlingSuite.start(testName, routers), env);
        try {
            List<HaproxyServer.Server> servers = new ArrayList<>();
            for (String name : gatewayNames) {
                servers.add(fleet.startGatewayProcess(name));
            }
            fleet.haproxy = HaproxyServer.start(fleet.port, HaproxyServer.HealthCheck.quarkusReadiness(), servers,
                    fleet.suite.logDir().resolve("haproxy"), fleet.suite.logDir().resolve("haproxy.log"),
                    ProcessSession.SHARED);
            for (String name : gatewayNames) {
                fleet.awaitStatus(name, "UP");
            }
            return fleet;
        } catch (IOException | InterruptedException | RuntimeException e) {
            fleet.close();
            throw e;
        }
    }

    private HaproxyServer.Server startGatewayProcess(String name) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        gatewayEnv.forEach((key, value) -> env.put(key, value.replace(DrainSettings.LOAD_BALANCER, address())));
        // MQTT over TCP only: the load balancer forwards one port per gateway.
        env.put("STARLING_GATEWAY_TLS_ENABLED", "false");
        env.put("STARLING_GATEWAY_WS_ENABLED", "false");
        env.put("STARLING_GATEWAY_WSS_ENABLED", "false");
        RunningPart gateway = suite.startGateway(name, env);
        gateways.add(name);
        return new HaproxyServer.Server(name, suite.mqttPort(name), gateway.httpPort());
    }

    /** The load balancer's port: where every client connects. */
    public int port() {
        return port;
    }

    /** The load balancer's address, {@code 127.0.0.1:port}, e.g. as a Server Reference. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    public HaproxyServer haproxy() {
        return haproxy;
    }

    public StarlingSuite suite() {
        return suite;
    }

    public RunningPart gateway(String name) {
        return suite.process(name);
    }

    /** Starts a gateway, waits until it is ready, and puts it behind the load balancer (a scale-out, a surge). */
    public void addGateway(String name) throws IOException, InterruptedException {
        haproxy.admin().addServer(startGatewayProcess(name));
        awaitStatus(name, "UP");
    }

    /** SIGTERM: the gateway drains while the caller watches; see {@link #awaitExit}. */
    public void terminate(String name) {
        gateway(name).terminate();
    }

    public boolean awaitExit(String name, Duration timeout) throws InterruptedException {
        return gateway(name).awaitExit(timeout);
    }

    /** SIGKILL. */
    public void kill(String name) {
        gateway(name).kill();
    }

    /** Takes a gateway out of the load balancer; it must hold no connection through it any more. */
    public void removeFromLoadBalancer(String name) throws IOException {
        haproxy.admin().removeServer(name);
        gateways.remove(name);
    }

    /** The load balancer's view: connections open through it to each gateway. */
    public Map<String, Integer> connectionsPerGateway() throws IOException {
        Map<String, Integer> connections = new LinkedHashMap<>();
        haproxy.admin().stats().forEach((name, stats) -> {
            if (!name.equals(HaproxyServer.FRONTEND)) {
                connections.put(name, stats.currentSessions());
            }
        });
        return connections;
    }

    /** Each gateway's state in the load balancer (UP, DOWN, MAINT). */
    public Map<String, String> statusPerGateway() throws IOException {
        Map<String, String> status = new LinkedHashMap<>();
        haproxy.admin().stats().forEach((name, stats) -> {
            if (!name.equals(HaproxyServer.FRONTEND)) {
                status.put(name, stats.status());
            }
        });
        return status;
    }

    /** Waits until the load balancer reports the gateway in {@code status} (e.g. UP, DOWN). */
    public void awaitStatus(String name, String status) throws IOException, InterruptedException {
        Await.until(() -> status.equals(statusQuietly(name)), IN_SERVICE_TIMEOUT,
                () -> "gateway " + name + " not " + status + " in the load balancer: " + statusQuietly(name));
    }

    private String statusQuietly(String name) {
        try {
            HaproxyAdmin.Stats stats = haproxy.admin().stats().get(name);
            return stats == null ? "absent" : stats.status();
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /** Every process's last log lines, the load balancer's included. */
    public String logs() {
        return suite.logs() + (haproxy == null ? "" : "----- haproxy -----\n" + haproxy.process().tail() + "\n");
    }

    /** The load balancer first, so no client reaches a gateway that is stopping; then the suite. */
    @Override
    public void close() {
        try {
            if (haproxy != null) {
                haproxy.close();
            }
        } finally {
            suite.close();
        }
    }
}
