package io.starlingmq.bench.autoscale;

import io.starlingmq.bench.brokers.StarlingSettings;
import io.starlingmq.testing.fleet.DeliveryCheck;
import io.starlingmq.testing.fleet.FleetClock;
import io.starlingmq.testing.fleet.FleetLoad;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Locale;
import java.util.Collections;

/**
 * {@code ./starling bench autoscale}: a load of real MQTT clients (test-support's fleet load: publishers
 * and subscribers with persistent and clean sessions, MQTT 5.0 and 3.1.1, QoS 1 and 2, and idle clients)
 * ramps up and down through HAProxy, while a loop applying the HPA's algorithm with the {@code k8s/}
 * HPA's behaviour (times divided by {@link #SPEED_UP}) starts gateways and drains them away. Every second
 * it samples each gateway's connections; at the end it checks every acknowledged message against the
 * persistent subscribers, and writes a chart and a report section.
 */
public final class AutoscaleRun {

    static final int SPEED_UP = 5;
    static final int TARGET_PER_GATEWAY = 600;
    static final int MIN_GATEWAYS = 2;
    static final int MAX_GATEWAYS = 6;
    /**
     * 4 groups of 6 publishers (one message each per 500 ms: 48 a second), 6 persistent and 2 clean
     * subscribers each, and 144 idle clients: 200 connections before the ramp.
     */
    static final FleetLoad.Shape SHAPE = new FleetLoad.Shape(4, 6, 6, 2, 144, Duration.ofMillis(500));
    /**
     * 3,000 connections at the plateau (five gateways' worth at the target), then 1,200 (two gateways'
     * worth), so every scale-in drains a gateway that still holds hundreds of clients.
     */
    static final List<LoadRamp.Point> RAMP = List.of(new LoadRamp.Point(10, 144), new LoadRamp.Point(70, 2944),
            new LoadRamp.Point(250, 2944), new LoadRamp.Point(310, 1144));
    private static final double TIME_LIMIT_SECONDS = 900;
    private static final double QUIET_SECONDS = 20;

    private final Path repo;
    private final Path out;
    private final HpaPolicy policy = HpaPolicy.MANIFEST.scaled(SPEED_UP, TARGET_PER_GATEWAY, MIN_GATEWAYS, MAX_GATEWAYS);
    private final AutoscaleTrace trace = new AutoscaleTrace();
    private final ExecutorService starts = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon()
            .name("autoscale-starts").unstarted(r));
    private final ExecutorService drains = Executors.newCachedThreadPool(r -> Thread.ofPlatform().daemon()
            .name("autoscale-drain").unstarted(r));
    private final AtomicInteger starting = new AtomicInteger();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Double> rebalanceAsked = new HashMap<>();
    private final Map<String, double[]> rebalanceRound = new HashMap<>();
    private long origin;
    private double lastScaleSeconds;

    private AutoscaleRun(Path repo, Path out) {
        this.repo = repo;
        this.out = out;
    }

    /** Runs the scenario; the exit code is 0 when nothing was lost, duplicated, reordered or left unresumed. */
    public static int run(Path repo, Path out) throws Exception {
        return new AutoscaleRun(repo, out).run();
    }

    private int run() throws Exception {
        DrainSettings drain = DrainSettings.fromConfigMap(repo);
        Path work = Files.createTempDirectory("starling-autoscale");
        System.out.println("autoscale: starting Redis, a router, HAProxy and " + MIN_GATEWAYS + " gateways (logs under "
                + work + ")");
        StarlingSettings settings = new StarlingSettings(StarlingSettings.DEFAULT_HEAP_MB, false);
        try (GatewayPool pool = GatewayPool.start(repo, Path.of(System.getProperty("java.home")), work, settings,
                drain.environment(), MIN_GATEWAYS)) {
            // Ctrl-C or SIGTERM: the processes started here go too (closing twice is harmless).
            Runtime.getRuntime().addShutdownHook(new Thread(pool::close, "autoscale-stop"));
            origin = FleetClock.now();
            trace.event(0, MIN_GATEWAYS + " gateways in service; connecting " + SHAPE.connections() + " clients");
            AutoscaleFigures figures;
            double end;
            try (FleetLoad load = FleetLoad.connect(SHAPE, "127.0.0.1", pool.port())) {
                load.startPublishing();
                LoadRamp ramp = new LoadRamp(RAMP, load, SHAPE.idle(), origin, failures::add);
                ramp.start();
                end = loop(pool, ramp);
                ramp.close();
                load.stopPublishing();
                trace.event(seconds(), "publishing stopped; waiting for every acknowledged message to arrive");
                DeliveryCheck.Result delivery = load.awaitDeliveries(Duration.ofSeconds(60));
                figures = AutoscaleFigures.of(trace, load.everyClient(), origin, end, delivery, load.sessionViolations(),
                        drain, drain.rebalanceTolerance());
                if (!delivery.lost().isEmpty()) {
                    System.out.println(load.explain(delivery));
                }
            }
            starts.shutdownNow();
            drains.shutdownNow();
            Path chart = repo.resolve("bench/results/autoscale.png");
            AutoscaleChart.write(trace, figures, chart);
            String section = AutoscaleReport.write(trace, figures, policy, drain, end, failures,
                    repo.relativize(chart).toString());
            AutoscaleReport.save(section, repo.resolve("bench/results/autoscale.md"), out);
            System.out.println("autoscale: wrote " + out + ", " + chart);
            System.out.println(AutoscaleReport.verdict(figures, failures));
            return AutoscaleReport.passed(figures, failures) ? 0 : 1;
        }
    }

    /** Samples every second and runs the HPA every sync period, until the load is back down and the fleet at its minimum. */
    private double loop(GatewayPool pool, LoadRamp ramp) throws Exception {
        HpaAlgorithm hpa = new HpaAlgorithm(policy);
        double nextSync = 0;
        int desired = MIN_GATEWAYS;
        while (true) {
            double now = seconds();
            Map<String, Integer> connections = new LinkedHashMap<>();
            pool.connections().forEach((g, c) -> connections.put(g, c.isPresent() ? (int) c.getAsDouble() : 0));
            List<GatewayPool.Gateway> serving = pool.serving();
            int replicas = serving.size() + starting.get();
            if (now >= nextSync) {
                nextSync = now + policy.syncPeriod().toNanos() / 1e9;
                desired = decide(pool, hpa, serving, connections, replicas, now);
            }
            trace.sample(new AutoscaleTrace.Sample(now, connections, serving.stream().map(GatewayPool.Gateway::name).toList(),
                    replicas, desired));
            watchRebalance(pool, serving, now);
            boolean settled = now >= ramp.endSeconds() && serving.size() == MIN_GATEWAYS && starting.get() == 0
                    && pool.draining().isEmpty() && now - lastScaleSeconds >= QUIET_SECONDS;
            if (settled || now >= TIME_LIMIT_SECONDS || !failures.isEmpty()) {
                if (!settled) {
                    trace.event(now, failures.isEmpty() ? "time limit reached" : "stopped: " + failures);
                }
                return now;
            }
            Thread.sleep(Math.max(0, (long) ((Math.floor(now) + 1 - seconds()) * 1000)));
        }
    }

    private int decide(GatewayPool pool, HpaAlgorithm hpa, List<GatewayPool.Gateway> serving,
            Map<String, Integer> connections, int replicas, double now) {
        double average = serving.stream().mapToInt(g -> connections.getOrDefault(g.name(), 0)).average().orElse(0);
        int desired = hpa.desired(System.nanoTime(), replicas, average);
        if (desired == replicas) {
            return desired;
        }
        lastScaleSeconds = now;
        trace.event(now, String.format(Locale.ROOT, "HPA: %.0f connections per gateway (target %d): %d -> %d gateways",
                average, TARGET_PER_GATEWAY, replicas, desired));
        if (desired > replicas) {
            for (int i = replicas; i < desired; i++) {
                starting.incrementAndGet();
                starts.submit(() -> startOne(pool));
            }
        } else {
            List<GatewayPool.Gateway> byCost = new ArrayList<>(serving);
            // The pod-deletion cost is the connection count: the emptiest goes (the youngest among equals).
            byCost.sort(Comparator.comparingInt((GatewayPool.Gateway g) -> connections.getOrDefault(g.name(), 0))
                    .thenComparing(Comparator.comparingLong(GatewayPool.Gateway::inServiceNanos).reversed()));
            List<GatewayPool.Gateway> byAge = new ArrayList<>(serving);
            byAge.sort(Comparator.comparingLong(GatewayPool.Gateway::inServiceNanos).reversed());
            for (int i = 0; i < replicas - desired && i < byCost.size(); i++) {
                GatewayPool.Gateway chosen = byCost.get(i);
                GatewayPool.Gateway youngest = byAge.get(i);
                int held = connections.getOrDefault(chosen.name(), 0);
                trace.scaleIn(new AutoscaleTrace.ScaleIn(now, chosen.name(), held, youngest.name(),
                        connections.getOrDefault(youngest.name(), 0)));
                trace.event(now, chosen.name() + ": SIGTERM, draining " + held + " connections (without the deletion cost "
                        + "Kubernetes would remove the youngest, " + youngest.name() + ", with "
                        + connections.getOrDefault(youngest.name(), 0) + ")");
                drains.submit(() -> drainOne(pool, chosen, held, now));
            }
        }
        return desired;
    }

    private void startOne(GatewayPool pool) {
        try {
            GatewayPool.Gateway gateway = pool.add();
            double at = seconds();
            trace.scaleOut(new AutoscaleTrace.ScaleOut(gateway.name(), at));
            trace.event(at, String.format(Locale.ROOT, "%s: in service behind HAProxy, %.1f s after it was started",
                    gateway.name(), (gateway.inServiceNanos() - gateway.startedNanos()) / 1e9));
        } catch (Exception e) {
            failures.add("a gateway did not start: " + e.getMessage());
        } finally {
            starting.decrementAndGet();
        }
    }

    private void drainOne(GatewayPool pool, GatewayPool.Gateway gateway, int held, double start) {
        try {
            boolean exited = pool.drain(gateway);
            double at = seconds();
            trace.drain(new AutoscaleTrace.Drain(gateway.name(), start, at, held, exited));
            trace.event(at, gateway.name() + (exited ? ": drained and exited" : ": still running at the timeout, killed")
                    + String.format(Locale.ROOT, " after %.1f s; out of HAProxy", at - start));
        } catch (Exception e) {
            failures.add(gateway.name() + " did not drain: " + e.getMessage());
        }
    }

    /**
     * A line per rebalance round: when a gateway's rebalance counter moved, and how far; a round ends after
     * two seconds without a move (its asks are spaced over the window, a second apart at the slowest).
     */
    private void watchRebalance(GatewayPool pool, List<GatewayPool.Gateway> serving, double now) {
        for (GatewayPool.Gateway g : serving) {
            double asked = pool.askedToLeave(g).getOrDefault("rebalance", 0.0);
            double before = rebalanceAsked.getOrDefault(g.name(), 0.0);
            rebalanceAsked.put(g.name(), asked);
            double[] round = rebalanceRound.get(g.name());
            if (asked > before) {
                if (round == null) {
                    rebalanceRound.put(g.name(), new double[] {now, asked - before, now});
                } else {
                    round[1] += asked - before;
                    round[2] = now;
                }
            } else if (round != null && now - round[2] >= 2) {
                rebalanceRound.remove(g.name());
                trace.rebalance(new AutoscaleTrace.Rebalance(g.name(), round[0], round[2] + 1, (int) round[1]));
                trace.event(round[0], String.format(Locale.ROOT,
                        "%s: rebalance round, %.0f clients asked to leave (0x9C / closed) within %.0f s", g.name(), round[1],
                        round[2] - round[0] + 1));
            }
        }
    }

    private double seconds() {
        return (FleetClock.now() - origin) / 1e9;
    }
}
