package io.starlingmq.launcher.up;

import io.starlingmq.launcher.FreePort;
import io.starlingmq.launcher.HaproxyAdmin;
import io.starlingmq.launcher.HaproxyServer;
import io.starlingmq.launcher.JavaService;
import io.starlingmq.launcher.ProcessSession;
import io.starlingmq.launcher.ProcessTree;
import io.starlingmq.launcher.Readiness;
import io.starlingmq.launcher.RunningPart;
import io.starlingmq.launcher.StarlingPart;
import io.starlingmq.launcher.SuiteLayout;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ExecutionException;

/**
 * {@code ./starling scale gateway N}: what an HPA does to the gateways of a running 'up --gateways', on
 * this machine. More gateways: each is started with the run's shared settings, and put behind every load
 * balancer once ready. Fewer: the gateway with the fewest connections goes first (as the pod-deletion cost
 * makes Kubernetes choose), one after another: SIGTERM, its drain (its clients leave at the configured pace
 * and reconnect through the load balancer to the others), its exit, then out of the load balancers.
 */
final class ScaleCommand {

    /** The local drain ends within its 10 s timeout; past this a gateway is stopped outright. */
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);
    /** HAProxy refuses to delete a server while it still counts connections through it, for a moment after they closed. */
    private static final Duration REMOVE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration IN_SERVICE_TIMEOUT = Duration.ofSeconds(10);

    private final SuiteLayout layout;
    private final Path state;
    private final Duration readyTimeout;
    private final int firstHttpPort;
    private final RunDirectory run;
    private final FleetRecords fleet;
    private final PrintStream out;
    private final Map<String, HaproxyAdmin> balancers = new LinkedHashMap<>();

    ScaleCommand(Path root, Path state, Duration readyTimeout, int firstHttpPort, PrintStream out) {
        this.layout = new SuiteLayout(root);
        this.state = state;
        this.readyTimeout = readyTimeout;
        this.firstHttpPort = firstHttpPort;
        this.run = new RunDirectory(state.resolve("run"));
        this.fleet = new FleetRecords(run.dir());
        this.out = out;
    }

    int scaleTo(int wanted) throws IOException, InterruptedException {
        if (wanted < 1 || wanted > UpOptions.MAX_GATEWAYS) {
            throw new UpFailure("the number of gateways must be between 1 and " + UpOptions.MAX_GATEWAYS + ", was " + wanted);
        }
        if (!fleet.exists()) {
            throw new UpFailure("scale needs a running './starling up --gateways N' (2 or more gateways behind HAProxy);"
                    + " a single gateway holds the public ports itself");
        }
        for (String listener : ListenerPorts.LISTENERS) {
            String name = "haproxy-" + listener;
            HaproxyAdmin admin;
            try {
                admin = HaproxyServer.adminOf(state.resolve(name), HaproxyServer.HealthCheck.quarkusReadiness());
            } catch (IOException e) {
                throw new UpFailure("the load balancer " + name + " is not there (" + e.getMessage() + ")");
            }
            if (!admin.answers()) {
                throw new UpFailure("the load balancer " + name + " does not answer; is the 'up' still running?");
            }
            balancers.put(listener, admin);
        }
        List<LocalGateway> running = fleet.gateways().stream().filter(this::alive).toList();
        if (wanted == running.size()) {
            out.println("already " + wanted + " gateways");
            return 0;
        }
        if (wanted > running.size()) {
            for (int i = running.size(); i < wanted; i++) {
                add(freeIndex());
            }
        } else {
            List<LocalGateway> leaving = new ArrayList<>(running);
            leaving.sort(Comparator.comparingInt(this::connections).thenComparing(LocalGateway::index, Comparator.reverseOrder()));
            for (LocalGateway gateway : leaving.subList(0, running.size() - wanted)) {
                drainAway(gateway);
            }
        }
        out.println(wanted + " gateways");
        return 0;
    }

    private void add(int index) throws IOException, InterruptedException {
        String name = LocalGateway.name(index);
        ListenerPorts ports = new ListenerPorts(FreePort.find(), FreePort.find(), FreePort.find(), FreePort.find());
        int http = firstHttpPort + index - 1;
        if (Readiness.acceptsConnections(http).ready()) {
            http = FreePort.find();
        }
        LocalGateway gateway = new LocalGateway(name, ports, http);
        Map<String, String> env = new LinkedHashMap<>(fleet.environment());
        env.putAll(ports.environment());
        out.println(name + ": starting ...");
        JavaService service = new JavaService(name, layout.jar(StarlingPart.GATEWAY), JavaService.currentJava(),
                UpCommand.SERVICE_JVM_FLAGS, env, http);
        // Its own session: it outlives this command, as the gateways 'up' started do.
        RunningPart part = service.start(state.resolve("logs"), readyTimeout, ProcessSession.OWN);
        run.recordPid(name, part.process().pid());
        fleet.record(gateway);
        for (Map.Entry<String, HaproxyAdmin> balancer : balancers.entrySet()) {
            balancer.getValue().addServer(new HaproxyServer.Server(name, ports.of(balancer.getKey()), http));
        }
        awaitInService(name);
        out.printf("%s: in service behind the load balancers; MQTT %d, TLS %d, WS %d, WSS %d; health http://127.0.0.1:%d/q/health%n",
                name, ports.mqtt(), ports.tls(), ports.ws(), ports.wss(), http);
    }

    private void drainAway(LocalGateway gateway) throws IOException, InterruptedException {
        String name = gateway.name();
        OptionalLong pid = run.pid(name);
        Optional<ProcessHandle> process = pid.isPresent() ? ProcessHandle.of(pid.getAsLong()) : Optional.empty();
        if (process.isPresent()) {
            out.printf("%s: draining its %d connections ...%n", name, connections(gateway));
            long start = System.nanoTime();
            fleet.markLeaving(name, pid.getAsLong());
            ProcessTree.terminate(process.get());
            if (!awaitExit(process.get())) {
                out.println(name + ": still running after " + EXIT_TIMEOUT.toSeconds() + " s; stopping it");
                ProcessTree.stop(process.get(), Duration.ofSeconds(5));
            }
            out.printf("%s: exited after %.1f s%n", name, (System.nanoTime() - start) / 1e9);
        }
        for (HaproxyAdmin balancer : balancers.values()) {
            removeServer(balancer, name);
        }
        run.forget(name);
        fleet.forget(name);
        out.println(name + ": out of the load balancers");
    }

    private static boolean awaitExit(ProcessHandle process) throws InterruptedException {
        try {
            process.onExit().get(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void removeServer(HaproxyAdmin balancer, String name) throws IOException, InterruptedException {
        long end = System.nanoTime() + REMOVE_TIMEOUT.toNanos();
        while (true) {
            try {
                if (balancer.serverNames().contains(name)) {
                    balancer.removeServer(name);
                }
                return;
            } catch (IOException refused) {
                if (System.nanoTime() > end) {
                    throw refused;
                }
                Thread.sleep(100);
            }
        }
    }

    private void awaitInService(String name) throws IOException, InterruptedException {
        long end = System.nanoTime() + IN_SERVICE_TIMEOUT.toNanos();
        HaproxyAdmin mqtt = balancers.get("mqtt");
        while (true) {
            HaproxyAdmin.Stats stats = mqtt.stats().get(name);
            if (stats != null && stats.status().equals("UP")) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new UpFailure(name + " is not in service behind the load balancer: "
                        + (stats == null ? "absent" : stats.status()));
            }
            Thread.sleep(100);
        }
    }

    /** Connections through the load balancers to the gateway, over every listener. */
    private int connections(LocalGateway gateway) {
        int sum = 0;
        for (HaproxyAdmin balancer : balancers.values()) {
            try {
                HaproxyAdmin.Stats stats = balancer.stats().get(gateway.name());
                sum += stats == null ? 0 : stats.currentSessions();
            } catch (IOException e) {
                throw new UpFailure("the load balancer does not answer: " + e.getMessage());
            }
        }
        return sum;
    }

    private boolean alive(LocalGateway gateway) {
        OptionalLong pid = run.pid(gateway.name());
        return pid.isPresent() && ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive).orElse(false);
    }

    private int freeIndex() {
        for (int i = 1; i <= UpOptions.MAX_GATEWAYS; i++) {
            if (run.pid(LocalGateway.name(i)).isEmpty()) {
                return i;
            }
        }
        throw new UpFailure("no free gateway number up to " + UpOptions.MAX_GATEWAYS);
    }
}
