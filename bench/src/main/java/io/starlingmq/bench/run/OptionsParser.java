package io.starlingmq.bench.run;

import io.starlingmq.bench.brokers.MosquittoConfig;
import io.starlingmq.bench.brokers.RedisForm;
import io.starlingmq.bench.brokers.StarlingSettings;
import io.starlingmq.bench.client.MqttVersion;
import io.starlingmq.bench.load.ClientKind;
import io.starlingmq.bench.load.LoadSettings;
import io.starlingmq.bench.load.Rate;
import io.starlingmq.bench.scenario.Scenario;
import io.starlingmq.bench.scenario.ScenarioParams;
import io.starlingmq.bench.scenario.Scenarios;
import io.starlingmq.bench.stats.Payload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Turns the command line into {@link BenchOptions}; every error names the offending argument. */
public final class OptionsParser {

    public static final String USAGE = """
            usage: starling bench [scenario ...] [options]

            scenarios: %s (none: the default plan of every scenario)
              --qos 0,1          QoS levels (list) instead of the scenario's defaults
              --rate R,...       paced msg/s, max (as fast as flow control allows) or search (max sustained rate)
              --mqtt 3.1.1|5     protocol version (default 5)
              --payload BYTES    payload size, at least %d (default 64)
              --duration S       seconds of publishing per run (default 10; fanin-load: 15 at QoS 0 unpaced, else 20)
              --repeats N        repeats per target, alternating A B A B (default 3)
              --window N|broker  outstanding publishes per publisher (default 32; fanin-load: broker, the broker's
                                 Receive Maximum at QoS 1/2, 1000 unwritten at QoS 0)
              --client LIST      hivemq,netty: client library (default hivemq; fanin-load and conn: netty)
              --mosquitto LIST   matched,defaults: Mosquitto's config (default matched; fanin-load: defaults)
              --publishers N     fanin/persistent/overload publishers (default 8; fanin-load: 4)
              --subscribers N    fanout subscribers (default 8)
              --pairs N          pairs (default 8)
              --backlog N        persistent: messages queued while offline (default 500)
              --connections N    conn, auth-connect: connections (default 10000; try 100000 with raised ulimit -n)
              --sources N        conn, auth-connect: 127.0.0.x source addresses (default 4)
              --connect-window N conn: CONNECTs awaiting their CONNACK at once (default 100)
              --ack-rate N       overload: messages per second the slow subscriber acknowledges (default 1000)
              --step-seconds S   search: seconds per step (default 4)
              --max-steps N      search: steps per search (default 7)
              --start-rate R     search: first rate, and the rate of warm-ups (default 5000)
              --warm-up S        seconds of discarded load before every measurement, 0 for none (default 3)
              --warm-up-max S    repeat warm-ups until the JIT compilers are quiet, at most this long (default 60)
              --heap-mb N        heap of Starling's JVMs, -Xms = -Xmx (default 512)
              --redis FORM       single, cluster or cluster-wait: Starling's session Redis (default single; cluster:
                                 3 masters and 3 replicas; cluster-wait: each write waits for a replica)
              --targets LIST     starling,mosquitto (default both)
              --out FILE         report (default BENCHMARKS.md in the repository)
            auth-connect: each device presents its own JWT to Starling (auth service, static-key issuer made
              for the run); Mosquitto has no JWT, its connects are anonymous and for context only.
            overload: QoS 1 (--qos 0 and 2 as variants) publishers, unpaced unless --rate, into one subscriber that
              acknowledges --ack-rate msg/s (at QoS 0: reads that many from its socket), first with a clean then
              with a persistent session; Starling's drop counters are read from the gateway's and router's
              /q/metrics before and after, and every acknowledged (QoS 0: written) publish must be delivered or
              counted, with no publisher disconnected. Mosquitto has no drop counters: its drops show only as
              missing sequence numbers.
            fanin-load: 4 publishers into one subscriber of prefix/#, both brokers at their defaults, the raw
              Netty client filling the broker's window (issue #14): lost, dropped by the broker's counters,
              publishers disconnected (with reason codes), p50/p99. Try --qos 1 --rate 10000,20000,30000.

            usage: starling bench autoscale [--out FILE]
              Starling alone (about 8 minutes): a load of 200 to 3,000 MQTT clients ramps up and down through
              HAProxy while a loop applying the HPA's algorithm (the k8s/ prod HPA, its times divided by 5,
              600 connections a gateway) starts gateways and drains them away; writes bench/results/autoscale.png,
              bench/results/autoscale.md and its section of the report; fails when a message was lost.

            usage: starling bench listing [--out FILE]
              Starling alone (a few minutes): 100,000 persistent sessions made by real MQTT clients, then
              GET /api/v5/clients through ops timed by page number, by cursor and with filters; writes
              bench/results/listing.md and its section of the report.

            usage: starling bench kafka [--out FILE] [--step-seconds S] [--max-steps N] [--no-variants]
              Starling, a local Kafka and the bridge (about half an hour): Kafka's own producer benchmark, then
              the max sustained MQTT to Kafka rate through the bridge (64 B and 1 KiB, 1 and 3 partitions) and
              that of a plain persistent subscriber, unpaced runs, a run above the settled rate, and runs with
              other settings to find the bound; every acknowledged message checked against Kafka's records;
              writes bench/results/kafka.md and its section of the report. Needs services/bridge and
              local-servers built.
            """.formatted(String.join(", ", Scenarios.all().stream().map(Scenario::name).toList()), Payload.HEADER_BYTES);

    private OptionsParser() {
    }

    public static BenchOptions parse(List<String> args, Path repo) {
        List<Scenario> scenarios = new ArrayList<>();
        List<Integer> qos = null;
        List<RatePlan> rates = null;
        MqttVersion version = MqttVersion.V5;
        int payload = 64;
        int durationSeconds = 10;
        boolean durationGiven = false;
        int warmUpSeconds = 3;
        int warmUpLimitSeconds = 60;
        int heapMb = StarlingSettings.DEFAULT_HEAP_MB;
        RedisForm redis = RedisForm.SINGLE;
        int repeats = 3;
        int window = BenchOptions.SCENARIO_WINDOW;
        List<ClientKind> clients = null;
        List<MosquittoConfig> mosquittoConfigs = null;
        ScenarioParams p = ScenarioParams.DEFAULTS;
        int publishers = p.publishers(), subscribers = p.subscribers(), pairs = p.pairs(), backlog = p.backlog();
        int connections = p.connections(), sources = p.sourceAddresses(), ackRate = p.subscriberAcksPerSecond();
        int connectWindow = p.connectWindow();
        int loadPublishers = p.loadPublishers();
        SearchSettings s = SearchSettings.DEFAULTS;
        int stepSeconds = (int) s.stepDuration().toSeconds(), maxSteps = s.maxSteps();
        double startRate = s.startRate();
        List<String> targets = List.of("starling", "mosquitto");
        Path output = repo.resolve("BENCHMARKS.md");

        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                scenarios.add(scenario(arg));
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            String value = args.get(++i);
            switch (arg) {
                case "--qos" -> qos = Arrays.stream(value.split(",")).map(v -> bounded(arg, v, 0, 2)).toList();
                case "--rate" -> rates = Arrays.stream(value.split(",")).map(RatePlan::parse).toList();
                case "--mqtt" -> version = MqttVersion.parse(value);
                case "--payload" -> payload = bounded(arg, value, Payload.HEADER_BYTES, 1_000_000);
                case "--duration" -> {
                    durationSeconds = bounded(arg, value, 1, 3600);
                    durationGiven = true;
                }
                case "--repeats" -> repeats = bounded(arg, value, 1, 50);
                case "--window" -> window = value.equals("broker") ? LoadSettings.BROKER_WINDOW : bounded(arg, value, 1, 65_535);
                case "--client" -> clients = Arrays.stream(value.split(",")).map(ClientKind::parse).toList();
                case "--mosquitto" -> mosquittoConfigs = Arrays.stream(value.split(",")).map(MosquittoConfig::parse).toList();
                case "--connect-window" -> connectWindow = bounded(arg, value, 1, 100_000);
                case "--publishers" -> {
                    publishers = bounded(arg, value, 1, 10_000);
                    loadPublishers = publishers;
                }
                case "--subscribers" -> subscribers = bounded(arg, value, 1, 10_000);
                case "--pairs" -> pairs = bounded(arg, value, 1, 10_000);
                case "--backlog" -> backlog = bounded(arg, value, 1, 1_000_000);
                case "--connections" -> connections = bounded(arg, value, 1, 1_000_000);
                case "--sources" -> sources = bounded(arg, value, 1, 254);
                case "--ack-rate" -> ackRate = bounded(arg, value, 1, 1_000_000);
                case "--step-seconds" -> stepSeconds = bounded(arg, value, 1, 600);
                case "--max-steps" -> maxSteps = bounded(arg, value, 1, 50);
                case "--start-rate" -> startRate = bounded(arg, value, 1, 10_000_000);
                case "--warm-up" -> warmUpSeconds = bounded(arg, value, 0, 600);
                case "--warm-up-max" -> warmUpLimitSeconds = bounded(arg, value, 0, 3600);
                case "--heap-mb" -> heapMb = bounded(arg, value, 64, 65_536);
                case "--redis" -> redis = RedisForm.parse(value);
                case "--targets" -> targets = targets(value);
                case "--out" -> output = Path.of(value).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        List<BenchCase> cases = withVariants(cases(scenarios, qos, rates), clients, mosquittoConfigs);
        return new BenchOptions(cases, version, payload, Duration.ofSeconds(durationSeconds), durationGiven, repeats, window,
                new ScenarioParams(publishers, subscribers, pairs, backlog, connections, sources, ackRate, loadPublishers,
                        connectWindow),
                new SearchSettings(startRate, Math.max(startRate, s.ceiling()), maxSteps, Duration.ofSeconds(stepSeconds)),
                targets, repo, output, heapMb, Duration.ofSeconds(warmUpSeconds), Duration.ofSeconds(warmUpLimitSeconds), redis);
    }

    private static Scenario scenario(String name) {
        return Scenarios.byName(name).orElseThrow(() -> new IllegalArgumentException("unknown scenario " + name));
    }

    private static List<String> targets(String value) {
        List<String> list = Arrays.stream(value.split(",")).map(String::trim).toList();
        for (String t : list) {
            if (!t.equals("starling") && !t.equals("mosquitto")) {
                throw new IllegalArgumentException("unknown target " + t + " (starling, mosquitto)");
            }
        }
        return list;
    }

    /** Explicit --qos/--rate multiply over the named scenarios; otherwise each scenario's default cases. */
    static List<BenchCase> cases(List<Scenario> scenarios, List<Integer> qos, List<RatePlan> rates) {
        List<Scenario> chosen = scenarios.isEmpty() ? Scenarios.all() : scenarios;
        List<BenchCase> cases = new ArrayList<>();
        for (Scenario scenario : chosen) {
            if (qos == null && rates == null) {
                cases.addAll(DefaultPlan.casesFor(scenario));
                continue;
            }
            for (int q : qos == null ? List.of(1) : qos) {
                for (RatePlan r : rates == null ? List.of(DefaultPlan.rateFor(scenario)) : rates) {
                    // QoS and rate mean nothing to a scenario without traffic: it runs once whatever was asked.
                    BenchCase c = scenario.hasRate() ? new BenchCase(scenario, q, r)
                            : new BenchCase(scenario, 0, new RatePlan(false, Rate.UNLIMITED));
                    if (!cases.contains(c)) {
                        cases.add(c);
                    }
                }
            }
        }
        return cases;
    }

    /**
     * Each case once per client and Mosquitto configuration asked for; a list not given keeps each case's
     * own. The default plan's extra comparison cases (fanin-load with HiveMQ) go when --client narrows.
     */
    static List<BenchCase> withVariants(List<BenchCase> cases, List<ClientKind> clients, List<MosquittoConfig> configs) {
        if (clients == null && configs == null) {
            return cases;
        }
        List<BenchCase> out = new ArrayList<>();
        for (BenchCase c : cases) {
            for (ClientKind client : clients == null ? List.of(c.client()) : clients) {
                for (MosquittoConfig config : configs == null ? List.of(c.mosquitto()) : configs) {
                    BenchCase variant = new BenchCase(c.scenario(), c.qos(), c.rate(), client, config);
                    if (!out.contains(variant)) {
                        out.add(variant);
                    }
                }
            }
        }
        return out;
    }

    private static int bounded(String option, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.replace("_", ""));
            if (n < min || n > max) {
                throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", was " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, was " + value);
        }
    }
}
