package io.starlingmq.bench;

import io.starlingmq.bench.autoscale.AutoscaleRun;
import io.starlingmq.bench.kafka.KafkaRun;
import io.starlingmq.bench.listing.ListingRun;
import io.starlingmq.bench.report.Charts;
import io.starlingmq.bench.report.Environment;
import io.starlingmq.bench.report.MarkdownReport;
import io.starlingmq.bench.report.ReportData;
import io.starlingmq.bench.run.BenchCase;
import io.starlingmq.bench.run.BenchOptions;
import io.starlingmq.bench.run.CaseResults;
import io.starlingmq.bench.run.CaseRunner;
import io.starlingmq.bench.run.Measurement;
import io.starlingmq.bench.run.OptionsParser;
import io.starlingmq.bench.run.Progress;
import io.starlingmq.bench.brokers.BrokerTarget;
import io.starlingmq.bench.brokers.MosquittoTarget;
import io.starlingmq.bench.load.PublishWindow;
import io.starlingmq.bench.brokers.StarlingSettings;
import io.starlingmq.bench.brokers.StarlingSuite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * {@code starling bench}: starts Starling (Redis, router, gateway) and Mosquitto, runs every case
 * against both in alternation, and writes BENCHMARKS.md with its charts. Everything started is
 * stopped at the end, on failure and on Ctrl-C.
 */
public final class BenchMain {

    private static final Logger LOG = Logger.getLogger(BenchMain.class);

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path repo = Path.of(System.getProperty("starling.repo", ".")).toAbsolutePath().normalize();
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(OptionsParser.USAGE);
            return;
        }
        if (args.length > 0 && args[0].equals("autoscale")) {
            System.exit(autoscale(repo, List.of(args).subList(1, args.length)));
            return;
        }
        if (args.length > 0 && args[0].equals("listing")) {
            System.exit(listing(repo, List.of(args).subList(1, args.length)));
            return;
        }
        if (args.length > 0 && args[0].equals("kafka")) {
            System.exit(kafka(repo, List.of(args).subList(1, args.length)));
            return;
        }
        BenchOptions options;
        try {
            options = OptionsParser.parse(List.of(args), repo);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.print(OptionsParser.USAGE);
            System.exit(2);
            return;
        }
        List<BrokerTarget> targets = new ArrayList<>();
        Thread stopper = new Thread(() -> stopAll(targets), "bench-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            run(options, targets, String.join(" ", args));
        } catch (RuntimeException e) {
            System.err.println("bench failed: " + e.getMessage());
            LOG.debug("bench failure", e);
            System.exit(1);
        } finally {
            stopAll(targets);
        }
        // The MQTT client library's event-loop threads are not daemons and would keep the JVM alive.
        System.exit(0);
    }

    private static void run(BenchOptions options, List<BrokerTarget> targets, String args) throws Exception {
        // Read before the run: the charts it writes into the repository would make every tree look edited.
        Environment environment = Environment.collect(options.repo());
        Path work = Files.createTempDirectory("starling-bench");
        Path javaHome = Path.of(System.getProperty("java.home"));
        System.out.println("bench: starting brokers (logs under " + work + ")");
        for (String name : options.targets()) {
            synchronized (targets) {
                targets.add(name.equals("starling")
                        ? StarlingSuite.start(options.repo(), javaHome, work.resolve("starling"),
                                new StarlingSettings(options.heapMb(), options.needsJwt(), options.redis()))
                        : MosquittoTarget.start(work.resolve("mosquitto"), options.mosquittoConfigs()));
            }
        }
        CaseRunner runner = new CaseRunner(options);

        List<CaseResults> results = new ArrayList<>();
        double planned = 0;
        for (BenchCase c : options.cases()) {
            planned += runner.plannedSeconds(c) * options.repeats() * targets.size();
        }
        Progress progress = new Progress(System.out, planned, options.cases().size() * options.repeats() * targets.size());
        for (BenchCase c : options.cases()) {
            List<Measurement> measurements = new ArrayList<>();
            for (int repeat = 1; repeat <= options.repeats(); repeat++) {
                for (BrokerTarget target : targets) {
                    progress.starting(c.label() + " · " + target.name() + " · repeat " + repeat + "/" + options.repeats(),
                            runner.plannedSeconds(c));
                    Measurement m = runner.run(c, target, repeat);
                    measurements.add(m);
                    progress.finished();
                    System.out.println("        " + brief(m));
                }
            }
            results.add(new CaseResults(c, measurements));
        }
        writeReport(options, environment, targets, results, args);
    }

    private static String brief(Measurement m) {
        StringBuilder line = new StringBuilder();
        m.result().metrics().forEach((k, v) -> {
            if (!Double.isNaN(v)) {
                line.append(k).append('=').append(String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.2f", v)).append("  ");
            }
        });
        return line.toString().trim();
    }

    private static void writeReport(BenchOptions options, Environment environment, List<BrokerTarget> targets,
            List<CaseResults> results, String args) throws Exception {
        Path report = options.output();
        Path charts = options.repo().resolve("bench/results");
        List<String> names = targets.stream().map(BrokerTarget::name).toList();
        Map<String, String> links = Charts.write(results, names, charts, report.getParent());
        Map<String, String> configs = new LinkedHashMap<>();
        targets.forEach(t -> configs.put(t.name(), t.configuration()));
        String settings = "MQTT " + options.version().label() + ", payload " + options.payloadSize() + " B, "
                + options.duration().toSeconds() + " s per paced run" + (options.durationGiven() ? "" : " (fanin-load: 15 s unpaced QoS 0, else 20 s)")
                + ", search steps of " + options.search().stepDuration().toSeconds()
                + " s (at most " + options.search().maxSteps() + "), window "
                + (options.window() == BenchOptions.SCENARIO_WINDOW ? "32 per publisher (fanin-load: "
                        + PublishWindow.describe(0) + ")" : PublishWindow.describe(options.window()) + " per publisher") + ", "
                + (options.warmUp().isZero() ? "no warm-up" : "warm-up before every measurement in rounds of "
                        + options.warmUp().toSeconds() + " s at " + (long) options.search().startRate()
                        + " msg/s (a full round of connections for connect cases), repeated until the JIT compilers of the "
                        + "broker's processes and of the load generator used under " + CaseRunner.QUIET_JIT_PERCENT + " % of a core in a round, at most "
                        + options.warmUpLimit().toSeconds() + " s") + ", "
                + options.params();
        ReportData data = new ReportData(environment, ("./starling bench " + args).trim(), settings,
                names, configs, options.repeats(), results, links);
        Files.writeString(report, MarkdownReport.write(data) + findings(options.repo()));
        System.out.println("bench: wrote " + report + " and charts under " + charts);
    }

    /** {@code autoscale [--out FILE]}: a scenario of its own (Starling alone, no cases, no repeats). */
    private static int autoscale(Path repo, List<String> args) {
        Path out = repo.resolve("BENCHMARKS.md");
        if (args.size() == 2 && args.get(0).equals("--out")) {
            out = Path.of(args.get(1)).toAbsolutePath();
        } else if (!args.isEmpty()) {
            System.err.println("bench: autoscale takes only --out FILE");
            return 2;
        }
        try {
            return AutoscaleRun.run(repo, out);
        } catch (Exception e) {
            System.err.println("bench autoscale failed: " + e);
            LOG.debug("autoscale failure", e);
            return 1;
        }
    }

    /** {@code listing [--out FILE]}: a scenario of its own (Starling alone, no cases, no repeats). */
    private static int listing(Path repo, List<String> args) {
        Path out = repo.resolve("BENCHMARKS.md");
        if (args.size() == 2 && args.get(0).equals("--out")) {
            out = Path.of(args.get(1)).toAbsolutePath();
        } else if (!args.isEmpty()) {
            System.err.println("bench: listing takes only --out FILE");
            return 2;
        }
        try {
            return ListingRun.run(repo, out);
        } catch (Exception e) {
            System.err.println("bench listing failed: " + e);
            LOG.debug("listing failure", e);
            return 1;
        }
    }

    /**
     * {@code kafka [--out FILE] [--step-seconds S] [--max-steps N] [--no-variants]}: a scenario of its own (Starling,
     * Kafka and the bridge; no cases, no repeats).
     */
    private static int kafka(Path repo, List<String> args) {
        Path out = repo.resolve("BENCHMARKS.md");
        KafkaRun.Options options = KafkaRun.Options.DEFAULT;
        try {
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--out" -> out = Path.of(args.get(++i)).toAbsolutePath();
                    case "--step-seconds" -> options = new KafkaRun.Options(
                            Duration.ofSeconds(Long.parseLong(args.get(++i))), options.maxSteps(), options.variants());
                    case "--max-steps" -> options = new KafkaRun.Options(options.step(), Integer.parseInt(args.get(++i)),
                            options.variants());
                    case "--no-variants" -> options = new KafkaRun.Options(options.step(), options.maxSteps(), false);
                    default -> throw new IllegalArgumentException("unknown option " + args.get(i));
                }
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            System.err.println("bench: kafka takes --out FILE, --step-seconds S, --max-steps N, --no-variants (" + e.getMessage() + ")");
            return 2;
        }
        try {
            return KafkaRun.run(repo, out, options);
        } catch (Exception e) {
            System.err.println("bench kafka failed: " + e);
            LOG.debug("kafka failure", e);
            return 1;
        }
    }

    /**
     * The sections of the standalone scenarios' last runs (bench/results/autoscale.md, listing.md, kafka.md), the
     * persistent runs per Redis form (bench/results/redis-forms.md, put together by hand from runs with --redis) and
     * the profile findings, kept by hand in bench/findings.md (what was measured, what was changed, the figures
     * before and after), so every generated report carries them.
     */
    private static String findings(Path repo) throws IOException {
        Path autoscale = repo.resolve("bench/results/autoscale.md");
        Path listing = repo.resolve("bench/results/listing.md");
        Path kafka = repo.resolve("bench/results/kafka.md");
        Path redisForms = repo.resolve("bench/results/redis-forms.md");
        Path file = repo.resolve("bench/findings.md");
        return (Files.isRegularFile(autoscale) ? "\n" + Files.readString(autoscale) : "")
                + (Files.isRegularFile(listing) ? "\n" + Files.readString(listing) : "")
                + (Files.isRegularFile(kafka) ? "\n" + Files.readString(kafka) : "")
                + (Files.isRegularFile(redisForms) ? "\n" + Files.readString(redisForms) : "")
                + (Files.isRegularFile(file) ? "\n" + Files.readString(file) : "");
    }

    private static void stopAll(List<BrokerTarget> targets) {
        synchronized (targets) {
            for (BrokerTarget t : targets) {
                try {
                    t.close();
                } catch (RuntimeException e) {
                    LOG.warnf("stopping %s failed: %s", t.name(), e.getMessage());
                }
            }
            targets.clear();
        }
    }
}
