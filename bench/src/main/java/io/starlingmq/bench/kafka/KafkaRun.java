package io.starlingmq.bench.kafka;

import io.starlingmq.bench.brokers.JitActivity;
import io.starlingmq.bench.brokers.StarlingSettings;
import io.starlingmq.bench.load.LoadSettings;
import io.starlingmq.bench.load.Rate;
import io.starlingmq.bench.report.Environment;
import io.starlingmq.bench.report.StandaloneSection;
import io.starlingmq.bench.run.MaxRateSearch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./starling bench kafka}: MQTT to Kafka through the bridge, against what Kafka takes from its own
 * producer benchmark and what a plain persistent subscriber takes from the same broker. Writes its section of
 * BENCHMARKS.md.
 */
public final class KafkaRun {

    static final int SMALL = 64;
    static final int LARGE = 1024;
    /** Records of a raw producer run: each about ten seconds on this machine. */
    static final long RAW_RECORDS_SMALL = 3_000_000;
    static final long RAW_RECORDS_LARGE = 600_000;
    static final double COLD_RATE = 3_000;
    static final Duration COLD_DURATION = Duration.ofSeconds(10);
    static final double WARM_UP_RATE = 3_000;
    static final Duration WARM_UP_ROUND = Duration.ofSeconds(5);
    static final Duration WARM_UP_LIMIT = Duration.ofSeconds(60);
    /** A warm-up round is the last once the JIT compilers of the JVMs used less than this share of a core in it. */
    static final double QUIET_JIT_PERCENT = 10;
    static final Duration UNPACED_DURATION = Duration.ofSeconds(15);
    static final Duration ABOVE_DURATION = Duration.ofSeconds(20);
    /** The run above the settled rate publishes at this multiple of it. */
    static final double ABOVE_FACTOR = 2;
    static final double START_RATE = 1_000;
    static final double CEILING = 64_000;
    static final double RESOLUTION = 0.10;

    /** How the scenario is run: step length, search bound, and whether the runs with other settings are made. */
    public record Options(Duration step, int maxSteps, boolean variants) {
        public static final Options DEFAULT = new Options(Duration.ofSeconds(10), 8, true);
    }

    /** One rate search: what was searched, where it settled, and every step. */
    record Search(String destination, String settings, int payload, int partitions, double best,
                  List<StepResult> steps) {

        StepResult atBest() {
            return steps.stream().filter(s -> s.passed() && s.rate() == best).findFirst().orElse(null);
        }

        /** The failing step at the lowest rate above the settled one. */
        StepResult failureAbove() {
            return steps.stream().filter(s -> !s.passed() && s.rate() > best)
                    .min((a, b) -> Double.compare(a.rate(), b.rate())).orElse(null);
        }
    }

    /**
     * A run with settings other than the defaults, to see what bounds the default rate: a rate search, and an unpaced
     * run whose backlog, drained once publishing ended, shows the destination's rate with the publishers quiet.
     */
    record Variant(String name, String settings, Search search, StepResult unpaced) {
    }

    /** Everything a run measured, for the report. */
    record Figures(Environment environment, Options options, double minutes, List<ProducerPerf.Result> raw,
                   List<Search> searches, List<StepResult> cold, List<StepResult> unpaced, StepResult above,
                   List<Variant> variants, List<String> warmUps, String loadBefore, String loadAfter) {
    }

    private KafkaRun() {
    }

    public static int run(Path repo, Path out, Options options) throws Exception {
        // Read before the run: the files it writes into the repository would make the tree look edited.
        Environment environment = Environment.collect(repo);
        String loadBefore = loadAverage();
        long began = System.nanoTime();
        Path work = Files.createTempDirectory("starling-kafka");
        System.out.println("kafka: starting Redis, a router, a gateway, Kafka and the bridge (logs under " + work + ")");
        StarlingSettings settings = new StarlingSettings(StarlingSettings.DEFAULT_HEAP_MB, false);
        try (KafkaSuite suite = KafkaSuite.start(repo, Path.of(System.getProperty("java.home")), work, settings);
             KafkaTopics topics = new KafkaTopics(suite.bootstrapServers())) {
            Thread stopper = new Thread(suite::close, "kafka-stop");
            Runtime.getRuntime().addShutdownHook(stopper);
            Meters meters = new Meters(suite);
            StepRunner runner = new StepRunner(suite, meters);
            KafkaDestination bridge = new KafkaDestination(topics, meters);
            PlainDestination plainSink = new PlainDestination();
            List<String> warmUps = new ArrayList<>();
            Figures figures;
            try (PlainSubscriber plain = new PlainSubscriber(suite.mqttPort(), plainSink::onMessage)) {
                plain.connect();
                // First traffic after the start, before any warm-up: what a freshly started suite does.
                List<StepResult> cold = new ArrayList<>();
                for (Destination destination : List.of(plainSink, bridge)) {
                    cold.add(report(runner.run(destination, "cold", Rate.paced(COLD_RATE), SMALL, 1, COLD_DURATION,
                            StepRunner.PACED_WINDOW)));
                }
                warmUps.add("defaults: " + warmUp(runner, suite, plainSink, bridge));

                List<ProducerPerf.Result> raw = new ArrayList<>();
                raw.add(raw(suite, topics, SMALL, 1, RAW_RECORDS_SMALL));
                raw.add(raw(suite, topics, SMALL, 3, RAW_RECORDS_SMALL));
                raw.add(raw(suite, topics, LARGE, 1, RAW_RECORDS_LARGE));

                List<Search> searches = new ArrayList<>();
                Search bridgeSmall = search(runner, options, bridge, "defaults", SMALL, 1);
                searches.add(bridgeSmall);
                searches.add(search(runner, options, plainSink, "defaults", SMALL, 1));
                searches.add(search(runner, options, bridge, "defaults", SMALL, 3));
                searches.add(search(runner, options, bridge, "defaults", LARGE, 1));

                double aboveRate = Math.max(START_RATE, bridgeSmall.best() * ABOVE_FACTOR);
                StepResult above = report(runner.run(bridge, "above", Rate.paced(aboveRate), SMALL, 1, ABOVE_DURATION,
                        StepRunner.PACED_WINDOW));
                List<StepResult> unpaced = new ArrayList<>();
                for (Destination destination : List.of(bridge, plainSink)) {
                    unpaced.add(report(runner.run(destination, "unpaced", Rate.UNLIMITED, SMALL, 1, UNPACED_DURATION,
                            LoadSettings.BROKER_WINDOW)));
                }

                List<Variant> variants = new ArrayList<>();
                if (options.variants()) {
                    variants.addAll(variants(suite, runner, options, bridge, plain, plainSink, warmUps));
                }
                double minutes = (System.nanoTime() - began) / 60e9;
                figures = new Figures(environment, options, minutes, raw, searches, cold, unpaced, above, variants, warmUps,
                        loadBefore, loadAverage());
            }
            String section = KafkaReport.write(figures);
            StandaloneSection.save(KafkaReport.HEADING, section, repo.resolve("bench/results/kafka.md"), out);
            System.out.println("kafka: wrote " + out + " and bench/results/kafka.md");
            Runtime.getRuntime().removeShutdownHook(stopper);
        }
        return 0;
    }

    /** The bridge with its producer not lingering, the router with a window of 1,000, then both. */
    private static List<Variant> variants(KafkaSuite suite, StepRunner runner, Options options, KafkaDestination bridge,
            PlainSubscriber plain, PlainDestination plainSink, List<String> warmUps) throws Exception {
        List<Variant> variants = new ArrayList<>();
        Map<String, String> noLinger = Map.of("linger.ms", "0");
        suite.restartBridge(noLinger);
        warmUps.add("bridge linger.ms=0: " + warmUp(runner, suite, plainSink, bridge));
        variants.add(variant(runner, options, bridge, "bridge producer linger.ms=0",
                "`starling.bridge.kafka.producer.\"linger.ms\"=0` (the bridge's default is 5)", "linger.ms=0"));

        suite.restartStarling(Map.of("STARLING_ROUTER_MAX_INFLIGHT", "1000"));
        plain.reconnect();
        warmUps.add("router max-inflight 1000: " + warmUp(runner, suite, plainSink, bridge));
        variants.add(variant(runner, options, bridge, "router max-inflight 1,000",
                "`STARLING_ROUTER_MAX_INFLIGHT=1000` (default 32), so the bridge's Receive Maximum of 1,000 is its window",
                "max-inflight=1000"));
        variants.add(variant(runner, options, plainSink, "plain subscriber, router max-inflight 1,000",
                "as above, the plain subscriber (Receive Maximum 1,000)", "max-inflight=1000"));

        suite.restartBridge(noLinger);
        warmUps.add("both: " + warmUp(runner, suite, plainSink, bridge));
        variants.add(variant(runner, options, bridge, "both", "router max-inflight 1,000 and bridge linger.ms=0",
                "max-inflight=1000, linger.ms=0"));
        return variants;
    }

    private static Variant variant(StepRunner runner, Options options, Destination destination, String name,
            String settings, String label) throws InterruptedException {
        Search search = search(runner, options, destination, label, SMALL, 1);
        StepResult unpaced = report(runner.run(destination, "unpaced", Rate.UNLIMITED, SMALL, 1, UNPACED_DURATION,
                LoadSettings.BROKER_WINDOW));
        return new Variant(name, settings, search, unpaced);
    }

    private static Search search(StepRunner runner, Options options, Destination destination, String settings,
            int payload, int partitions) throws InterruptedException {
        System.out.printf(Locale.ROOT, "kafka: max sustained rate, %s, %s, %d B, partitions: %d%n", destination.name(),
                settings, payload, partitions);
        MaxRateSearch search = new MaxRateSearch(START_RATE, CEILING, options.maxSteps(), RESOLUTION);
        MaxRateSearch.Outcome<StepResult> outcome = search.search(rate -> report(runner.run(destination, "search",
                Rate.paced(rate), payload, partitions, options.step(), StepRunner.PACED_WINDOW)), StepResult::passed);
        System.out.printf(Locale.ROOT, "kafka:   settled at %,.0f msg/s%n", outcome.best());
        return new Search(destination.name(), settings, payload, partitions, outcome.best(),
                outcome.steps().stream().map(MaxRateSearch.Step::result).toList());
    }

    private static ProducerPerf.Result raw(KafkaSuite suite, KafkaTopics topics, int size, int partitions, long records)
            throws Exception {
        String topic = "perf-" + size + "-p" + partitions;
        topics.create(topic, partitions);
        ProducerPerf.Result r = ProducerPerf.run(suite.kafkaLibs(), suite.bootstrapServers(), topic, partitions, records,
                size, suite.logs().resolve("producer-perf-" + size + "-p" + partitions + ".log"));
        System.out.printf(Locale.ROOT, "kafka: ProducerPerformance %d B, partitions: %d: %,.0f records/s (avg %.0f ms)%n",
                size, partitions, r.recordsPerSecond(), r.avgMillis());
        return r;
    }

    /**
     * Rounds through both destinations at {@link #WARM_UP_RATE} until the JIT compilers of the JVMs used less than
     * {@link #QUIET_JIT_PERCENT} of a core in a round, at most {@link #WARM_UP_LIMIT}; answers what it did.
     */
    private static String warmUp(StepRunner runner, KafkaSuite suite, PlainDestination plainSink, KafkaDestination bridge)
            throws InterruptedException {
        long start = System.nanoTime();
        int rounds = 0;
        double jit;
        do {
            List<Long> jvms = suite.pids().entrySet().stream().filter(e -> !e.getKey().equals("redis"))
                    .map(Map.Entry::getValue).toList();
            long before = JitActivity.compilerCpuNanos(jvms);
            long roundStart = System.nanoTime();
            runner.run(plainSink, "warm-up", Rate.paced(WARM_UP_RATE), SMALL, 1, WARM_UP_ROUND, StepRunner.PACED_WINDOW);
            runner.run(bridge, "warm-up", Rate.paced(WARM_UP_RATE), SMALL, 1, WARM_UP_ROUND, StepRunner.PACED_WINDOW);
            jit = 100.0 * (JitActivity.compilerCpuNanos(jvms) - before) / (System.nanoTime() - roundStart);
            rounds++;
            System.out.printf(Locale.ROOT, "kafka: warm-up round %d: JIT compilers %.0f %% of a core%n", rounds, jit);
        } while (jit >= QUIET_JIT_PERCENT && System.nanoTime() - start < WARM_UP_LIMIT.toNanos());
        return String.format(Locale.ROOT, "%d rounds, %.0f s, JIT %.0f %% of a core in the last", rounds,
                (System.nanoTime() - start) / 1e9, jit);
    }

    /** The machine's load averages over 1, 5 and 15 minutes: other work on these cores shows there. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static StepResult report(StepResult r) {
        System.out.printf(Locale.ROOT, "kafka:   %-16s %-8s %s %4d B p%d: sent %,8.0f/s arrived %,8.0f/s while publishing,"
                        + " p99 %,8.1f ms, backlog max %,d, lost %d, drops %d, caught up %.1f s %s%n",
                r.destination(), r.label(), r.paced() ? String.format(Locale.ROOT, "%,7.0f/s", r.rate()) : "    max",
                r.payload(), r.partitions(), r.sentPerSecond(), r.arrivedPerSecondWhilePublishing(), r.latency().p99(),
                r.maxBacklog(), r.lostAcked(), r.brokerDrops(), r.catchUpSeconds(),
                r.passed() ? "ok" : String.join("; ", r.failures()));
        return r;
    }
}
