package io.starlingmq.bench.kafka;

import io.starlingmq.bench.stats.Percentiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The kafka scenario's section of BENCHMARKS.md. */
final class KafkaReport {

    static final String HEADING = "## MQTT to Kafka through the bridge";
    /** The target: the bridge carries at least this share of what Kafka takes from its own producer. */
    static final double TARGET_RATIO = 0.5;
    private static final List<String> PROCESSES = List.of("router", "gateway", "redis", "bridge", "kafka", "bench");
    /** {@code starling.router.max-queued-per-session} at its default. */
    static final int DEFAULT_QUEUE_BOUND = 1000;
    private static final List<String> STORE_OPERATIONS = List.of("ackAll", "enqueue", "ackAllThenEnqueue");

    private KafkaReport() {
    }

    static String write(KafkaRun.Figures f) {
        StringBuilder md = new StringBuilder(HEADING).append("\n\n");
        setup(md, f);
        headline(md, f);
        evidence(md, f);
        unpaced(md, f);
        above(md, f.above());
        cold(md, f.cold());
        variants(md, f);
        md.append("### Every step of the searches\n\n");
        for (KafkaRun.Search s : f.searches()) {
            steps(md, s);
        }
        for (KafkaRun.Variant v : f.variants()) {
            steps(md, v.search());
        }
        md.append("Warm-ups: ").append(String.join("; ", f.warmUps())).append(".\n\n");
        return md.toString();
    }

    private static void setup(StringBuilder md, KafkaRun.Figures f) {
        md.append(String.format(Locale.ROOT, "`./starling bench kafka` (about %.0f minutes). Redis (AOF everysec), one "
                + "router, one gateway, a single-node KRaft Kafka (`KafkaServer`, Kafka's jars of `local-servers`) and the "
                + "bridge run as separate processes on this machine (%s, %d cores, %s, %s, Starling %s); every figure below "
                + "shares these cores with all of them and with the load generator, and with whatever else ran on the machine: "
                + "its load averages (1, 5, 15 minutes) were %s at the start and %s at the end. Everything runs at its defaults except "
                + "the router's bound on a persistent session's queue, `%s=%,d` (default 1,000), as a deployment with a "
                + "bridge sets it: the bridge's session holds what Kafka has not yet taken. So: the router's inflight window "
                + "per session 32 (`STARLING_ROUTER_MAX_INFLIGHT`), the bridge's Receive Maximum 1,000, its producer "
                + "`acks=all`, idempotent, `linger.ms` 5 (the bridge's own default).%n%n",
                f.minutes(), f.environment().cpuModel(), f.environment().cores(), f.environment().kernel(),
                f.environment().jdk(), f.environment().starlingCommit(), f.loadBefore(), f.loadAfter(), KafkaSuite.ROUTER_QUEUE_ENV,
                KafkaSuite.MAX_QUEUED_PER_SESSION));
        md.append(String.format(Locale.ROOT, "The bridge has one rule: `kind=mqtt-to-kafka`, `filter=%s`, "
                + "`kafka-topic=%s${topic.1}`, `key=${clientid}` (the value is the payload). Each step publishes to its own "
                + "MQTT topics `bench/<step>/p<n>`, so it has a Kafka topic of its own, made before it with 1 or 3 "
                + "partitions and `message.timestamp.type=LogAppendTime`. %d HiveMQ MQTT 5 publishers, QoS 1, clean "
                + "sessions, each payload carrying publisher, sequence number and send time (then padding to 64 B or "
                + "1 KiB); paced steps keep at most %d publishes unacknowledged per publisher, unpaced runs the broker's "
                + "Receive Maximum. After a step the bench waits until every acknowledged message is in Kafka (sum of the "
                + "end offsets) or counted by the router's drop counter, then reads every record back: *lost* is an "
                + "acknowledged message with no record, duplicates and order are counted per publisher, latency is the "
                + "record's append time minus the send time.%n%n", KafkaSuite.FILTER, KafkaSuite.TOPIC_PREFIX,
                StepRunner.PUBLISHERS, StepRunner.PACED_WINDOW));
        md.append(String.format(Locale.ROOT, "The plain subscriber is the bridge's MQTT side without Kafka: a HiveMQ "
                + "MQTT 5 client with a persistent session, Receive Maximum %,d, the QoS 1 shared subscription `%s`, each "
                + "message acknowledged when its callback returns; its latency is publish call to callback. Kafka alone is "
                + "`org.apache.kafka.tools.ProducerPerformance --throughput -1 --producer-props acks=all "
                + "enable.idempotence=true` (the producer's other settings at their defaults), on a topic made the same "
                + "way.%n%n", PlainSubscriber.RECEIVE_MAXIMUM, PlainSubscriber.SHARED));
        md.append(String.format(Locale.ROOT, "A rate search doubles from %,.0f msg/s until a step fails, then bisects "
                + "to %.0f %% (at most %d steps of %d s). A step is sustained when the destination kept pace: while the "
                + "publishers published, at least %.0f %% of what the broker acknowledged arrived, and all of it within "
                + "%.0f s after publishing ended with nothing left in the bridge's flight (a queue that grows during a "
                + "step is gone within seconds once it ends, so arrival after the step alone would pass rates the "
                + "destination cannot hold); besides, no acknowledged message missing, none duplicated, none dropped by "
                + "the broker, the publishers sent at least %.0f %% of the rate, and p99 at most %,.0f ms (a bound against "
                + "stalls of seconds; short stalls on this shared machine put single steps' p99 at 100 ms and more). "
                + "Each search runs after warm-up rounds (%d s through each destination at %,.0f msg/s) until the JIT "
                + "compilers of the JVMs use under %.0f %% of a core in a round.%n%n",
                KafkaRun.START_RATE, KafkaRun.RESOLUTION * 100, f.options().maxSteps(), f.options().step().toSeconds(),
                StepRunner.MIN_RATE_FRACTION * 100, StepRunner.MAX_CATCH_UP_SECONDS, StepRunner.MIN_RATE_FRACTION * 100,
                StepRunner.MAX_P99_MILLIS, KafkaRun.WARM_UP_ROUND.toSeconds(), KafkaRun.WARM_UP_RATE,
                KafkaRun.QUIET_JIT_PERCENT));
    }

    private static void headline(StringBuilder md, KafkaRun.Figures f) {
        md.append("| payload | partitions | Kafka alone (ProducerPerformance), records/s | MQTT → Kafka through the bridge, "
                + "max sustained msg/s | ratio | target ≥ 0.5× | plain persistent subscriber, max sustained msg/s |\n");
        md.append("|---|---:|---:|---:|---:|---|---:|\n");
        for (ProducerPerf.Result raw : f.raw()) {
            Optional<KafkaRun.Search> bridge = find(f.searches(), "bridge to Kafka", raw.recordSize(), raw.partitions());
            Optional<KafkaRun.Search> plain = find(f.searches(), "plain subscriber", raw.recordSize(), raw.partitions());
            double ratio = bridge.map(b -> b.best() / raw.recordsPerSecond()).orElse(Double.NaN);
            md.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %s | %s | %s | %s |%n", size(raw.recordSize()),
                    raw.partitions(), raw.recordsPerSecond(), bridge.map(b -> rate(b.best())).orElse("—"),
                    Double.isNaN(ratio) ? "—" : String.format(Locale.ROOT, "%.3f×", ratio),
                    Double.isNaN(ratio) ? "—" : ratio >= TARGET_RATIO ? "met" : "**no**",
                    plain.map(p -> rate(p.best())).orElse("—")));
        }
        md.append("\nKafka alone, as the tool reports it (its latency is that of an unthrottled producer filling its "
                + "buffer, not a delivery latency):");
        for (ProducerPerf.Result raw : f.raw()) {
            md.append(String.format(Locale.ROOT, " %s, %s: %,d records, %.1f MB/s, average %.0f ms, p99 %.0f ms;",
                    size(raw.recordSize()), partitions(raw.partitions()), raw.records(), raw.megabytesPerSecond(), raw.avgMillis(),
                    raw.p99Millis()));
        }
        md.setLength(md.length() - 1);
        md.append(".\n\n");
    }

    private static Optional<KafkaRun.Search> find(List<KafkaRun.Search> searches, String destination, int payload,
            int partitions) {
        return searches.stream().filter(s -> s.destination().equals(destination) && s.payload() == payload
                && s.partitions() == partitions).findFirst();
    }

    /** At the settled rate and at the first failure above it: rates, latency, the bridge's window, CPU, store calls. */
    private static void evidence(StringBuilder md, KafkaRun.Figures f) {
        md.append("### Where the rate stops\n\n");
        md.append("At the settled rate (*best*) and the lowest failing rate above it (*above*) of each search with the "
                + "defaults; CPU in % of one core while publishing; store calls are the router's "
                + "`starling_store_call_duration_seconds` over the step (calls per second of publishing, mean, and the "
                + "histogram bucket that holds the 99th percentile).\n\n");
        md.append("| search | step | msg/s asked | arrived msg/s while publishing | p50 ms | p99 ms | backlog max | "
                + "bridge in-flight max | oldest in flight max, ms | CPU % router / gateway / redis / bridge / kafka / bench | "
                + "why not sustained |");
        for (String op : STORE_OPERATIONS) {
            md.append(' ').append(op).append(" /s, mean, p99 ≤ |");
        }
        md.append('\n').append("|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|")
                .append("---:|".repeat(STORE_OPERATIONS.size())).append('\n');
        for (KafkaRun.Search s : f.searches()) {
            evidenceRow(md, s, "best", s.atBest());
            evidenceRow(md, s, "above", s.failureAbove());
        }
        for (KafkaRun.Variant v : f.variants()) {
            evidenceRow(md, v.search(), "best", v.search().atBest());
            evidenceRow(md, v.search(), "above", v.search().failureAbove());
        }
        md.append('\n');
    }

    private static void evidenceRow(StringBuilder md, KafkaRun.Search s, String which, StepResult r) {
        if (r == null) {
            return;
        }
        md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %,d | %s | %s | %s | %s |", searchName(s),
                which, rate(r.rate()), rate(r.arrivedPerSecondWhilePublishing()), ms(r.latency().p50()),
                ms(r.latency().p99()), r.maxBacklog(), count(r.maxInFlight()), ms(r.maxOldestSeconds() * 1000), cpuList(r),
                r.passed() ? "—" : String.join("; ", r.failures())));
        for (String op : STORE_OPERATIONS) {
            StoreCalls.Timer t = r.storeCalls().byOperation().get(op);
            md.append(t == null ? " — |" : String.format(Locale.ROOT, " %,.0f, %.2f ms, %s |", t.count() / r.seconds(),
                    t.meanMillis(), ms(t.upperBoundMillis(0.99))));
        }
        md.append('\n');
    }

    private static void unpaced(StringBuilder md, KafkaRun.Figures f) {
        md.append(String.format(Locale.ROOT, "### Unpaced: publishers as fast as their windows allow, %d s%n%n",
                KafkaRun.UNPACED_DURATION.toSeconds()));
        md.append(String.format(Locale.ROOT, "Each publisher keeps the gateway's Receive Maximum (%s) of publishes "
                + "unacknowledged; 64 B, 1 partition. ", f.unpaced().isEmpty() ? "—" : count(f.unpaced().getFirst().window())));
        md.append("*Acknowledged*: PUBACKs the publishers got. *Arrived while publishing* and *after*: records in Kafka "
                + "(deliveries to the plain subscriber) per second during the publishing and from its end until the "
                + "backlog was gone (— when under 1,000 were left). *Dropped*: the router's "
                + "`starling_router_messages_dropped_by_reason_total"
                + "{reason=\"queue_full\"}` (and the gateway's drop counters, 0 unless said) over the run: acknowledged "
                + "messages the router let go once the session held 100,000. *Unaccounted*: acknowledged, not arrived "
                + "and not counted as dropped.\n\n");
        md.append("| destination | acknowledged | acknowledged msg/s | arrived msg/s while publishing | arrived msg/s after "
                + "| arrived (distinct) | dropped | unaccounted | duplicates | backlog max | p50 ms | p99 ms | p99.9 ms | "
                + "max ms | bridge in-flight max | CPU % router / gateway / redis / bridge / kafka / bench |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (StepResult r : f.unpaced()) {
            Percentiles p = r.latency();
            md.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %,d | %s | %,d | %,d | %,d | %s | %s | %s | %s "
                            + "| %s | %s |%n", r.destination(), r.acked(), rate(r.acked() / r.seconds()),
                    rate(r.arrivedPerSecondWhilePublishing()), rate(r.drainPerSecond()), r.arrivedUnique(),
                    drops(r), r.unaccounted(), r.duplicates(), r.maxBacklog(), ms(p.p50()), ms(p.p99()), ms(p.p999()),
                    ms(p.max()), count(r.maxInFlight()), cpuList(r)));
        }
        md.append('\n');
    }

    private static void above(StringBuilder md, StepResult r) {
        md.append(String.format(Locale.ROOT, "### Above the settled rate: the bridge at %s for %.0f s (64 B, 1 partition)"
                + "%n%n", rate(r.rate()), r.seconds()));
        md.append(String.format(Locale.ROOT, "Publishers sent %s; Kafka took %s while they published; the backlog "
                        + "(acknowledged, not yet in Kafka, i.e. in the bridge's session) reached %,d; %s; the bridge's "
                        + "in-flight peaked at %s, its oldest at %s ms; p50 %s ms, p99 %s ms, max %s ms; %s; lost %,d, "
                        + "dropped %s, duplicates %,d.%n%n",
                rate(r.sentPerSecond()), rate(r.arrivedPerSecondWhilePublishing()), r.maxBacklog(),
                Double.isNaN(r.catchUpSeconds()) ? "it never emptied" : String.format(Locale.ROOT,
                        "it was gone %.1f s after publishing ended", r.catchUpSeconds()),
                count(r.maxInFlight()), ms(r.maxOldestSeconds() * 1000), ms(r.latency().p50()), ms(r.latency().p99()),
                ms(r.latency().max()), "CPU % router / gateway / redis / bridge / kafka / bench " + cpuList(r), r.lostAcked(),
                drops(r), r.duplicates()));
        md.append("Backlog each second (acknowledged − in Kafka − dropped): ").append(timeline(r, true)).append(". ")
                .append(passedDefaultBound(r)).append("\n\n");
    }

    /** When the backlog passed the router's default queue bound, past which that session would have dropped. */
    static String passedDefaultBound(StepResult r) {
        for (StepResult.Sample sample : r.samples()) {
            if (sample.backlog() > DEFAULT_QUEUE_BOUND) {
                return String.format(Locale.ROOT, "With the router's default bound of %,d queued messages a session, the "
                        + "session would have dropped from %.1f s on.", DEFAULT_QUEUE_BOUND, sample.seconds());
            }
        }
        return String.format(Locale.ROOT, "The backlog stayed within the router's default bound of %,d.", DEFAULT_QUEUE_BOUND);
    }

    private static void cold(StringBuilder md, List<StepResult> cold) {
        md.append(String.format(Locale.ROOT, "### The first seconds after the start, before any warm-up: %s for %d s%n%n",
                rate(KafkaRun.COLD_RATE), KafkaRun.COLD_DURATION.toSeconds()));
        md.append("The first traffic of the run, into freshly started JVMs, the plain subscriber first, then the bridge. "
                + "Arrivals per second (messages a second, over each second since the publishers started):\n\n");
        for (StepResult r : cold) {
            md.append(String.format(Locale.ROOT, "- %s: %s; backlog max %,d (the router's default bound is 1,000: "
                            + "%s); p99 %s ms; everything in %s after publishing ended; while publishing the JIT compilers "
                            + "used %.0f %% of a core, CPU %% router / gateway / redis / bridge / kafka / bench %s.%n",
                    r.destination(), timeline(r, false), r.maxBacklog(),
                    r.maxBacklog() > DEFAULT_QUEUE_BOUND ? "at the default it would have dropped" : "within it",
                    ms(r.latency().p99()), Double.isNaN(r.catchUpSeconds()) ? "never"
                            : String.format(Locale.ROOT, "%.1f s", r.catchUpSeconds()), r.jitPercent(), cpuList(r)));
        }
        md.append('\n');
    }

    private static void variants(StringBuilder md, KafkaRun.Figures f) {
        if (f.variants().isEmpty()) {
            return;
        }
        md.append("### With other settings: what bounds the default rate\n\n");
        md.append("Not defaults: runs to find the bound, 64 B, 1 partition, the same search and criteria; the bridge (for the "
                + "window also the router and the gateway) was started again with the setting and warmed up. *What "
                + "stopped the search*: why the lowest failing step above the settled rate failed (\"publishers sent\": "
                + "the publishers, 32 publishes outstanding each, could not send faster on this machine, so the "
                + "destination's own bound lies higher). *Unpaced*: the same run as above, arrivals a second while the "
                + "publishers flooded the broker and, after they stopped, while the backlog drained (— when under 1,000 were left: "
                + "the destination had kept pace with the flood).\n\n");
        md.append("| run | setting | max sustained msg/s | ratio to Kafka alone (64 B, 1 partition) | bridge in-flight max "
                + "at the best step | p99 ms there | what stopped the search | unpaced: arrived msg/s while publishing, "
                + "after |\n|---|---|---:|---:|---:|---:|---|---|\n");
        double raw = f.raw().stream().filter(r -> r.recordSize() == KafkaRun.SMALL && r.partitions() == 1)
                .mapToDouble(ProducerPerf.Result::recordsPerSecond).findFirst().orElse(Double.NaN);
        StepResult bridgeUnpaced = f.unpaced().stream().filter(u -> u.destination().equals("bridge to Kafka"))
                .findFirst().orElse(null);
        StepResult plainUnpaced = f.unpaced().stream().filter(u -> u.destination().equals("plain subscriber"))
                .findFirst().orElse(null);
        find(f.searches(), "bridge to Kafka", KafkaRun.SMALL, 1).ifPresent(s -> variantRow(md, "bridge, defaults",
                "—", s, bridgeUnpaced, raw));
        find(f.searches(), "plain subscriber", KafkaRun.SMALL, 1).ifPresent(s -> variantRow(md,
                "plain subscriber, defaults", "—", s, plainUnpaced, raw));
        for (KafkaRun.Variant v : f.variants()) {
            variantRow(md, v.name(), v.settings(), v.search(), v.unpaced(), raw);
        }
        md.append('\n');
    }

    private static void variantRow(StringBuilder md, String name, String setting, KafkaRun.Search s, StepResult unpaced,
            double raw) {
        StepResult best = s.atBest();
        StepResult above = s.failureAbove();
        md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.3f× | %s | %s | %s | %s |%n", name, setting, rate(s.best()),
                s.best() / raw, best == null ? "—" : count(best.maxInFlight()),
                best == null ? "—" : ms(best.latency().p99()),
                above == null ? "no step above failed" : rate(above.rate()) + ": " + String.join("; ", above.failures()),
                unpaced == null ? "—" : rate(unpaced.arrivedPerSecondWhilePublishing()) + ", "
                        + rate(unpaced.drainPerSecond())));
    }

    private static void steps(StringBuilder md, KafkaRun.Search s) {
        md.append(String.format(Locale.ROOT, "%s: settled at %s.%n%n", searchName(s), rate(s.best())));
        md.append("| msg/s asked | sent msg/s | arrived msg/s while publishing | p50 ms | p99 ms | max ms | backlog max | "
                + "caught up after, s | lost | duplicates | dropped | bridge in-flight max | sustained |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (StepResult r : s.steps()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %,d | %s | %,d | %,d | %s | %s | %s |%n",
                    rate(r.rate()), rate(r.sentPerSecond()), rate(r.arrivedPerSecondWhilePublishing()),
                    ms(r.latency().p50()), ms(r.latency().p99()), ms(r.latency().max()), r.maxBacklog(),
                    seconds(r.catchUpSeconds()), r.lostAcked(), r.duplicates(), drops(r), count(r.maxInFlight()),
                    r.passed() ? "yes" : "no: " + String.join("; ", r.failures())));
        }
        md.append('\n');
    }

    private static String searchName(KafkaRun.Search s) {
        return String.format(Locale.ROOT, "%s, %s, %s, %s", s.destination(), s.settings(), size(s.payload()),
                partitions(s.partitions()));
    }

    /** Per second since the publishers started: arrivals a second, or the backlog at each second's end. */
    static String timeline(StepResult r, boolean backlog) {
        List<String> values = new ArrayList<>();
        long previousArrived = 0;
        int second = 1;
        for (StepResult.Sample sample : r.samples()) {
            if (sample.seconds() < second) {
                continue;
            }
            values.add(backlog ? String.format(Locale.ROOT, "%,d", sample.backlog())
                    : String.format(Locale.ROOT, "%,d", sample.arrived() - previousArrived));
            previousArrived = sample.arrived();
            second = (int) Math.floor(sample.seconds()) + 1;
            if (second > Math.ceil(r.seconds()) + (backlog ? 30 : 10)) {
                break;
            }
        }
        return String.join(", ", values);
    }

    private static String drops(StepResult r) {
        if (r.brokerDrops() == r.queueFullDrops()) {
            return String.format(Locale.ROOT, "%,d", r.brokerDrops());
        }
        return String.format(Locale.ROOT, "%,d (queue_full %,d)", r.brokerDrops(), r.queueFullDrops());
    }

    private static String cpuList(StepResult r) {
        List<String> parts = new ArrayList<>();
        for (String p : PROCESSES) {
            parts.add(String.format(Locale.ROOT, "%.0f", r.cpu().getOrDefault(p, Double.NaN)));
        }
        return String.join(" / ", parts);
    }

    private static String partitions(int n) {
        return n == 1 ? "1 partition" : n + " partitions";
    }

    private static String size(int bytes) {
        return bytes >= 1024 && bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " B";
    }

    private static String rate(double perSecond) {
        return Double.isNaN(perSecond) ? "—" : String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    private static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "—";
        }
        if (Double.isInfinite(millis)) {
            return "> 1 s";
        }
        return millis >= 100 ? String.format(Locale.ROOT, "%,.0f", millis) : String.format(Locale.ROOT, "%.2f", millis);
    }

    private static String seconds(double s) {
        return Double.isNaN(s) ? "—" : String.format(Locale.ROOT, "%.1f", s);
    }

    private static String count(double n) {
        return Double.isNaN(n) ? "—" : String.format(Locale.ROOT, "%,.0f", n);
    }
}
