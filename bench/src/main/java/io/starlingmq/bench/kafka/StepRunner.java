package io.starlingmq.bench.kafka;

import io.starlingmq.bench.brokers.JitActivity;
import io.starlingmq.bench.brokers.ProcStat;
import io.starlingmq.bench.client.BenchClient;
import io.starlingmq.bench.client.Endpoint;
import io.starlingmq.bench.client.MqttVersion;
import io.starlingmq.bench.load.BenchClients;
import io.starlingmq.bench.load.ClientGroup;
import io.starlingmq.bench.load.ClientKind;
import io.starlingmq.bench.load.LoadSettings;
import io.starlingmq.bench.load.PublisherLoop;
import io.starlingmq.bench.load.Rate;
import io.starlingmq.bench.stats.AckLedger;
import io.starlingmq.bench.stats.LatencyRecorder;
import io.starlingmq.bench.stats.Percentiles;
import io.starlingmq.bench.stats.StreamLedger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Runs one step: {@link #PUBLISHERS} HiveMQ MQTT 5 publishers at QoS 1 (clean sessions, a topic each under the
 * step's id) paced at a total rate or as fast as their windows allow, into one {@link Destination}; then waits
 * until every acknowledged message arrived or the broker counted it as dropped, reads the arrivals back and
 * accounts for every acknowledged message.
 */
final class StepRunner {

    static final int PUBLISHERS = 4;
    /** Outstanding publishes per paced publisher: the bench's classic window (Starling's inflight window). */
    static final int PACED_WINDOW = 32;
    /**
     * A step is sustained only if its destination kept pace: while the publishers published, at least this share of
     * what the broker acknowledged arrived (a queue that grows over a step drains within seconds once it ends), and
     * the publishers sent at least this share of the rate asked.
     */
    static final double MIN_RATE_FRACTION = 0.95;
    /** ... and only if what was acknowledged has all arrived this soon after publishing ended ... */
    static final double MAX_CATCH_UP_SECONDS = 5;
    /** ... and its p99 stayed below this: no stall of seconds, while short ones of a busy machine pass. */
    static final double MAX_P99_MILLIS = 1000;
    /** Waiting for arrivals ends once none came for this long, or after {@link #WAIT_LIMIT}. */
    private static final Duration NO_PROGRESS = Duration.ofSeconds(15);
    private static final Duration WAIT_LIMIT = Duration.ofSeconds(300);
    private static final long SAMPLE_MILLIS = 500;

    private final KafkaSuite suite;
    private final Meters meters;
    private int steps;

    StepRunner(KafkaSuite suite, Meters meters) {
        this.suite = suite;
        this.meters = meters;
    }

    /**
     * @param rate total over the publishers; {@link Rate#UNLIMITED} for as fast as their windows allow
     * @param window outstanding publishes per publisher; {@link LoadSettings#BROKER_WINDOW} for the broker's Receive Maximum
     */
    StepResult run(Destination destination, String label, Rate rate, int payload, int partitions, Duration duration,
            int window) throws InterruptedException {
        suite.checkAlive();
        String step = String.format(Locale.ROOT, "s%02d", ++steps);
        int[] all = IntStream.range(0, PUBLISHERS).toArray();
        StreamLedger ledger = new StreamLedger(PUBLISHERS, List.<int[]>of(all));
        LatencyRecorder latency = new LatencyRecorder();
        destination.prepare(step, partitions, ledger, latency);
        long straysBefore = destination.strays();
        Endpoint endpoint = new Endpoint("127.0.0.1", suite.mqttPort(), null);
        List<BenchClient> publishers = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        for (int i = 0; i < PUBLISHERS; i++) {
            publishers.add(BenchClients.create(ClientKind.HIVEMQ, MqttVersion.V5, "kafka-" + step + "-p" + i, endpoint, null));
            topics.add(destination.topicRoot() + "/" + step + "/p" + i);
        }
        ClientGroup group = new ClientGroup(publishers, PUBLISHERS);
        group.connect(false);
        try {
            LoadSettings settings = new LoadSettings(MqttVersion.V5, 1, payload, duration, rate, window, ClientKind.HIVEMQ);
            AckLedger acks = new AckLedger(PUBLISHERS);
            Meters.Broker brokerBefore = meters.broker();
            Meters.Bridge bridgeBefore = meters.bridge();
            Map<String, Long> pids = suite.pids();
            Map<String, Long> cpuBefore = cpuNanos(pids);
            List<Long> jvms = pids.entrySet().stream().filter(e -> !e.getKey().equals("redis")).map(Map.Entry::getValue).toList();
            long jitBefore = JitActivity.compilerCpuNanos(jvms);
            Sampler sampler = new Sampler(destination, acks, meters, brokerBefore);
            long start = System.nanoTime();
            long published = start + duration.toNanos();
            // Read when publishing ends, not when the publishers' last acknowledgements are in: those may take
            // seconds (a cold broker), and arrivals meanwhile do not count as keeping pace.
            CompletableFuture<long[]> atEnd = new CompletableFuture<>();
            Thread.ofPlatform().daemon().name("kafka-step-end").start(() -> {
                try {
                    TimeUnit.NANOSECONDS.sleep(published - System.nanoTime());
                    long acked = acks.total();
                    atEnd.complete(new long[] {acked, destination.arrivedSoFar()});
                } catch (InterruptedException | RuntimeException e) {
                    atEnd.completeExceptionally(e);
                }
            });
            PublisherLoop.Outcome outcome = new PublisherLoop(publishers, topics, ledger, settings, acks)
                    .run(duration, Long.MAX_VALUE);
            long settled = System.nanoTime();
            Map<String, Double> cpu = cpuPercent(pids, cpuBefore, settled - start);
            double jit = 100.0 * (JitActivity.compilerCpuNanos(jvms) - jitBefore) / (settled - start);
            long ackedWhilePublishing = atEnd.join()[0];
            long arrivedWhilePublishing = atEnd.join()[1];
            double catchUp = waitForArrivals(destination, acks, brokerBefore, published);
            List<StepResult.Sample> samples = sampler.stop(start);
            destination.collect();
            Meters.Broker broker = meters.broker().minus(brokerBefore);
            Meters.Bridge bridgeAfter = meters.bridge();
            int ended = (int) publishers.stream().filter(p -> p.endedByBroker().isPresent()).count();
            long lost = lostAcknowledged(acks, ledger);
            Percentiles p = latency.percentiles();
            double seconds = duration.toNanos() / 1e9;
            StepResult partial = new StepResult(step, destination.name(), label, rate.isPaced() ? rate.perSecond() : Double.NaN,
                    payload, partitions, outcome.window(), seconds, ledger.sent(), acks.total(), ackedWhilePublishing,
                    arrivedWhilePublishing,
                    ledger.receivedUnique(), ledger.duplicates(), ledger.outOfOrder(),
                    ledger.strays() + destination.strays() - straysBefore, lost, Math.round(broker.dropped()),
                    Math.round(broker.routerQueueFull()), catchUp, sampler.maxBacklog(), sampler.maxInFlight(),
                    sampler.maxOldest(), Math.round(bridgeAfter.failed() - bridgeBefore.failed()), ended, p, cpu, jit,
                    broker.storeCalls(), samples, List.of());
            return withVerdict(partial);
        } finally {
            group.disconnect();
        }
    }

    /**
     * Seconds from the end of publishing ({@code published}: start plus the step's duration) until all acknowledged
     * messages arrived or were counted as dropped.
     */
    private double waitForArrivals(Destination destination, AckLedger acks, Meters.Broker before, long published)
            throws InterruptedException {
        long acked = acks.total();
        long lastArrived = -1;
        long lastProgress = System.nanoTime();
        while (true) {
            long arrived = destination.arrivedSoFar();
            double dropped = meters.broker().minus(before).dropped();
            long now = System.nanoTime();
            if (arrived + dropped >= acked && destination.idle()) {
                return (now - published) / 1e9;
            }
            if (arrived > lastArrived) {
                lastArrived = arrived;
                lastProgress = now;
            }
            if (now - lastProgress > NO_PROGRESS.toNanos() || now - published > WAIT_LIMIT.toNanos()) {
                return Double.NaN;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private static long lostAcknowledged(AckLedger acks, StreamLedger ledger) {
        long lost = 0;
        for (int p = 0; p < acks.publishers(); p++) {
            BitSet acked = acks.of(p);
            lost += acked.cardinality() - ledger.receivedAmong(0, p, acked);
        }
        return lost;
    }

    /** The criteria of a sustained step; the reasons it is not one. */
    static StepResult withVerdict(StepResult r) {
        List<String> why = new ArrayList<>();
        if (r.lostAcked() > 0) {
            why.add(String.format(Locale.ROOT, "%,d acknowledged messages never arrived", r.lostAcked()));
        }
        if (r.duplicates() > 0) {
            why.add(String.format(Locale.ROOT, "%,d duplicates", r.duplicates()));
        }
        if (r.brokerDrops() > 0) {
            why.add(String.format(Locale.ROOT, "%,d dropped by the broker", r.brokerDrops()));
        }
        if (r.paced() && r.sentPerSecond() < MIN_RATE_FRACTION * r.rate()) {
            why.add(String.format(Locale.ROOT, "publishers sent %,.0f msg/s", r.sentPerSecond()));
        }
        if (r.arrivedWhilePublishing() < MIN_RATE_FRACTION * r.ackedWhilePublishing()) {
            why.add(String.format(Locale.ROOT, "%,.0f msg/s arrived while publishing", r.arrivedPerSecondWhilePublishing()));
        }
        if (!(r.latency().p99() <= MAX_P99_MILLIS)) {
            why.add(String.format(Locale.ROOT, "p99 %,.0f ms", r.latency().p99()));
        }
        if (Double.isNaN(r.catchUpSeconds())) {
            why.add("never caught up");
        } else if (r.catchUpSeconds() > MAX_CATCH_UP_SECONDS) {
            why.add(String.format(Locale.ROOT, "caught up %.1f s after publishing", r.catchUpSeconds()));
        }
        if (r.bridgeFailed() > 0) {
            why.add(r.bridgeFailed() + " failed sends in the bridge");
        }
        if (r.publishersEnded() > 0) {
            why.add(r.publishersEnded() + " publishers disconnected by the broker");
        }
        if (r.strays() > 0) {
            why.add(r.strays() + " strays");
        }
        return new StepResult(r.step(), r.destination(), r.label(), r.rate(), r.payload(), r.partitions(), r.window(),
                r.seconds(),
                r.sent(), r.acked(), r.ackedWhilePublishing(), r.arrivedWhilePublishing(), r.arrivedUnique(),
                r.duplicates(), r.outOfOrder(),
                r.strays(), r.lostAcked(), r.brokerDrops(), r.queueFullDrops(), r.catchUpSeconds(), r.maxBacklog(),
                r.maxInFlight(), r.maxOldestSeconds(), r.bridgeFailed(), r.publishersEnded(), r.latency(), r.cpu(),
                r.jitPercent(), r.storeCalls(), r.samples(), List.copyOf(why));
    }

    private static Map<String, Long> cpuNanos(Map<String, Long> pids) {
        Map<String, Long> nanos = new LinkedHashMap<>();
        pids.forEach((name, pid) -> nanos.put(name, ProcStat.cpuNanos(pid).orElse(0)));
        return nanos;
    }

    private static Map<String, Double> cpuPercent(Map<String, Long> pids, Map<String, Long> before, long wallNanos) {
        Map<String, Double> percent = new LinkedHashMap<>();
        cpuNanos(pids).forEach((name, nanos) -> percent.put(name, 100.0 * (nanos - before.get(name)) / wallNanos));
        return Collections.unmodifiableMap(percent);
    }

    /** Every half second while a step runs: acknowledged, arrived, and the bridge's in-flight gauges. */
    private static final class Sampler {

        private final Destination destination;
        private final AckLedger acks;
        private final Meters meters;
        private final Meters.Broker brokerBefore;
        private final long start = System.nanoTime();
        private final List<StepResult.Sample> samples = Collections.synchronizedList(new ArrayList<>());
        private final Thread thread;
        private volatile boolean running = true;
        private volatile long maxBacklog;
        private volatile double maxInFlight = Double.NaN;
        private volatile double maxOldest = Double.NaN;

        Sampler(Destination destination, AckLedger acks, Meters meters, Meters.Broker brokerBefore) {
            this.destination = destination;
            this.acks = acks;
            this.meters = meters;
            this.brokerBefore = brokerBefore;
            this.thread = Thread.ofPlatform().daemon().name("kafka-step-sampler").start(this::loop);
        }

        private void loop() {
            while (running) {
                try {
                    sample();
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // a failed scrape leaves a gap in the samples; the step's own readings decide
                }
            }
        }

        private void sample() {
            long acked = acks.total();
            long dropped = Math.round(meters.broker().minus(brokerBefore).dropped());
            long arrived = destination.arrivedSoFar();
            double[] inFlight = destination.inFlight();
            StepResult.Sample sample = new StepResult.Sample((System.nanoTime() - start) / 1e9, acked, arrived, dropped,
                    inFlight[0]);
            samples.add(sample);
            maxBacklog = Math.max(maxBacklog, sample.backlog());
            if (!Double.isNaN(inFlight[0])) {
                maxInFlight = Double.isNaN(maxInFlight) ? inFlight[0] : Math.max(maxInFlight, inFlight[0]);
                maxOldest = Double.isNaN(maxOldest) ? inFlight[1] : Math.max(maxOldest, inFlight[1]);
            }
        }

        /** Stops sampling; the samples with times counted from {@code origin}. */
        List<StepResult.Sample> stop(long origin) throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join(5_000);
            double shift = (start - origin) / 1e9;
            synchronized (samples) {
                return samples.stream().map(s -> new StepResult.Sample(s.seconds() + shift, s.acked(), s.arrived(),
                        s.dropped(), s.inFlight())).toList();
            }
        }

        long maxBacklog() {
            return maxBacklog;
        }

        double maxInFlight() {
            return maxInFlight;
        }

        double maxOldest() {
            return maxOldest;
        }
    }
}
