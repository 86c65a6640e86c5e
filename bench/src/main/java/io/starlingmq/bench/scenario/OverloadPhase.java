package io.starlingmq.bench.scenario;

import io.starlingmq.bench.client.BenchClient;
import io.starlingmq.bench.counters.DropCounters;
import io.starlingmq.bench.load.BenchClients;
import io.starlingmq.bench.load.ClientGroup;
import io.starlingmq.bench.load.ConnectionEnds;
import io.starlingmq.bench.load.DrainWait;
import io.starlingmq.bench.load.LoadSettings;
import io.starlingmq.bench.load.PublisherLoop;
import io.starlingmq.bench.load.Receiver;
import io.starlingmq.bench.load.SlowConsumer;
import io.starlingmq.bench.load.Topology;
import io.starlingmq.bench.stats.AckLedger;
import io.starlingmq.bench.stats.LatencyRecorder;
import io.starlingmq.bench.stats.StreamLedger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One half of {@link OverloadScenario}: publishers as fast as their windows allow into one slow
 * subscriber with a clean or a persistent session, then a drain at the subscriber's pace, and the
 * books: acknowledged against delivered and the broker's drop counters.
 */
final class OverloadPhase {

    /** What a broker may still hold for the subscriber when publishing stops: its queue bound (1000) and window (32). */
    private static final int HELD_PER_SUBSCRIBER = 1032;
    /**
     * At QoS 0 the kernel's send buffer of the broker's socket holds messages too (autotuned up to megabytes
     * on loopback), drained at the reader's pace: the drain may take this long, still ending at a stall.
     */
    private static final Duration QOS0_DRAIN_LIMIT = Duration.ofSeconds(120);
    private static final Duration STALL = Duration.ofSeconds(3);
    private static final Duration DRAIN_MARGIN = Duration.ofSeconds(10);
    private static final int CONNECT_WINDOW = 200;

    /** @param publishers and {@code subscriber}: the connections the broker ended during the phase */
    record Outcome(Map<String, Double> metrics, OverloadVerdict verdict, boolean settled, ConnectionEnds publishers,
            ConnectionEnds subscriber) {
    }

    private final ScenarioContext c;
    private final LoadSettings load;
    private final boolean persistent;
    private final String label;

    /** @param persistent the subscriber keeps its session, so the store's per-session queue is the bound */
    OverloadPhase(ScenarioContext c, LoadSettings load, boolean persistent) {
        this.c = c;
        this.load = load;
        this.persistent = persistent;
        this.label = persistent ? "persistent" : "clean";
    }

    Outcome run() throws InterruptedException {
        String runId = c.runId() + label.charAt(0);
        Topology topology = Topology.fanIn("bench/" + runId, c.params().publishers());
        StreamLedger ledger = new StreamLedger(topology.publishers(), topology.routes());
        AckLedger acks = new AckLedger(topology.publishers());
        Receiver receiver = new Receiver(ledger, new LatencyRecorder());
        double ackRate = c.params().subscriberAcksPerSecond();
        String subscriberId = runId + "-s0";
        List<BenchClient> publishers = new ArrayList<>();
        for (int i = 0; i < topology.publishers(); i++) {
            publishers.add(BenchClients.create(load, runId + "-p" + i, c.endpoint(), null));
        }
        ClientGroup pubs = new ClientGroup(publishers, CONNECT_WINDOW);
        SlowConsumer subscriber = SlowConsumer.create(load.version(), load.qos(), subscriberId, c.endpoint(),
                receiver.forSubscriber(0), ackRate);
        ClientGroup sub = new ClientGroup(List.of(subscriber.client()), 1);
        try {
            sub.connect(persistent);
            sub.subscribe(topology.subscriberFilters(), load.qos());
            pubs.connect(false);
            // Read after the connects: the gateway creates its meters with its first connection.
            Optional<DropCounters> before = c.counters().readDropCounters();
            try (RssWatch rss = new RssWatch(c.memory())) {
                long start = System.nanoTime();
                PublisherLoop.Outcome sent = new PublisherLoop(publishers, topology.publisherTopics(), ledger, load, acks)
                        .run(load.duration(), Long.MAX_VALUE);
                Duration drainLimit = load.qos() == 0 ? QOS0_DRAIN_LIMIT
                        : DRAIN_MARGIN.plusMillis((long) (2_000 * HELD_PER_SUBSCRIBER / ackRate));
                DrainWait.untilComplete(ledger, STALL, drainLimit);
                double receiveSeconds = Math.max(1, receiver.lastArrivalNanos() - start) / 1e9;
                DropCounters counted = before.map(b -> c.counters().readDropCounters().orElseThrow().since(b)).orElse(null);
                OverloadVerdict verdict = new OverloadVerdict(acks.total(), deliveredAcknowledged(ledger, acks), counted);
                ConnectionEnds publisherEnds = ConnectionEnds.of(publishers);
                ConnectionEnds subscriberEnd = ConnectionEnds.of(List.of(subscriber.client()));
                Map<String, Double> m = metrics(sent, ledger, verdict, receiveSeconds, rss);
                m.put(name(OverloadScenario.PUBLISHERS_DISCONNECTED), (double) publisherEnds.ended());
                m.put(name(OverloadScenario.SUBSCRIBER_DISCONNECTED), (double) subscriberEnd.ended());
                return new Outcome(m, verdict, sent.settled(), publisherEnds, subscriberEnd);
            }
        } finally {
            pubs.disconnect();
            sub.disconnect();
            subscriber.close();
            if (persistent) {
                removeSession(subscriberId);
            }
        }
    }

    private static long deliveredAcknowledged(StreamLedger ledger, AckLedger acks) {
        long total = 0;
        for (int p = 0; p < acks.publishers(); p++) {
            total += ledger.receivedAmong(0, p, acks.of(p));
        }
        return total;
    }

    private Map<String, Double> metrics(PublisherLoop.Outcome sent, StreamLedger ledger, OverloadVerdict v, double receiveSeconds,
            RssWatch rss) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(name(OverloadScenario.ATTEMPTED), load.rate().isPaced() ? load.rate().perSecond() : Double.NaN);
        m.put(name(OverloadScenario.ACHIEVED), sent.sentPerSecond());
        m.put(name(OverloadScenario.SUBSCRIBER_RATE), ledger.receivedUnique() / receiveSeconds);
        m.put(name(OverloadScenario.ACKNOWLEDGED), (double) v.acknowledged());
        m.put(name(OverloadScenario.DELIVERED), (double) v.deliveredAcknowledged());
        m.put(name(OverloadScenario.MISSING), (double) v.missing());
        m.put(name(OverloadScenario.COUNTED), v.hasCounters() ? v.counted().messages() : Double.NaN);
        m.put(name(OverloadScenario.UNACCOUNTED), v.unaccounted());
        m.put(name(OverloadScenario.LINK_EVENTS), v.hasCounters() ? v.counted().gatewayLinkEvents() : Double.NaN);
        m.put(name(OverloadScenario.DELIVERED_UNACKNOWLEDGED), (double) (ledger.receivedUnique() - v.deliveredAcknowledged()));
        m.put(name(OverloadScenario.DUPLICATES), (double) ledger.duplicates());
        m.put(name(OverloadScenario.ERRORS), (double) sent.errors());
        m.put(name(OverloadScenario.RSS_START), rss.startMb());
        m.put(name(OverloadScenario.RSS_PEAK), rss.peakMb());
        return m;
    }

    private String name(String metric) {
        return label + ": " + metric;
    }

    /** A clean connect ends the persistent session, so runs do not leave queues behind in the broker. */
    private void removeSession(String subscriberId) {
        ClientGroup cleanup = new ClientGroup(List.of(BenchClients.create(load, subscriberId, c.endpoint(), null)), 1);
        cleanup.connect(false);
        cleanup.disconnect();
    }
}
