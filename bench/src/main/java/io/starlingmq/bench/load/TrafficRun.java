package io.starlingmq.bench.load;

import io.starlingmq.bench.client.BenchClient;
import io.starlingmq.bench.client.Endpoint;
import io.starlingmq.bench.counters.BrokerCounters;
import io.starlingmq.bench.counters.DropCounters;
import io.starlingmq.bench.counters.DropMetrics;
import io.starlingmq.bench.stats.LatencyRecorder;
import io.starlingmq.bench.stats.Percentiles;
import io.starlingmq.bench.stats.StreamLedger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run of live traffic over a {@link Topology}: subscribe, publish for the duration, drain, account,
 * including the broker's drop counters over the run and every connection the broker ended.
 */
public final class TrafficRun {

    /** Connects in flight at once while setting a run up. */
    static final int CONNECT_WINDOW = 200;
    private static final Duration DRAIN_STALL = Duration.ofSeconds(2);
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(15);

    private TrafficRun() {
    }

    /** Without drop counters. */
    public static RunResult run(Endpoint endpoint, Topology topology, LoadSettings settings, String runId)
            throws InterruptedException {
        return run(endpoint, topology, settings, runId, Optional::empty);
    }

    /** @param counters read after every client connected (the gateway creates its meters with its first connection) and after the drain */
    public static RunResult run(Endpoint endpoint, Topology topology, LoadSettings settings, String runId, BrokerCounters counters)
            throws InterruptedException {
        StreamLedger ledger = new StreamLedger(topology.publishers(), topology.routes());
        LatencyRecorder latency = new LatencyRecorder();
        Receiver receiver = new Receiver(ledger, latency);
        List<BenchClient> subscribers = new ArrayList<>();
        for (int j = 0; j < topology.subscribers(); j++) {
            subscribers.add(BenchClients.create(settings, runId + "-s" + j, endpoint, receiver.forSubscriber(j)));
        }
        List<BenchClient> publishers = new ArrayList<>();
        for (int i = 0; i < topology.publishers(); i++) {
            publishers.add(BenchClients.create(settings, runId + "-p" + i, endpoint, null));
        }
        ClientGroup subs = new ClientGroup(subscribers, CONNECT_WINDOW);
        ClientGroup pubs = new ClientGroup(publishers, CONNECT_WINDOW);
        try {
            subs.connect(false);
            subs.subscribe(topology.subscriberFilters(), settings.qos());
            pubs.connect(false);
            Optional<DropCounters> before = counters.readDropCounters();
            long start = System.nanoTime();
            PublisherLoop.Outcome sent = new PublisherLoop(publishers, topology.publisherTopics(), ledger, settings)
                    .run(settings.duration(), Long.MAX_VALUE);
            DrainWait.untilComplete(ledger, DRAIN_STALL, DRAIN_LIMIT);
            DropCounters counted = before.map(b -> counters.readDropCounters().orElseThrow().since(b)).orElse(null);
            RunResult r = result(ledger, latency.percentiles(), sent, receiver.lastArrivalNanos() - start, settings.rate());
            return withEnds(r, counted, ConnectionEnds.of(publishers), ConnectionEnds.of(subscribers));
        } finally {
            pubs.disconnect();
            subs.disconnect();
        }
    }

    /** Drops as the broker counted them, and connections it ended: any ended connection fails the run. */
    static RunResult withEnds(RunResult r, DropCounters counted, ConnectionEnds publishers, ConnectionEnds subscribers) {
        Map<String, Double> m = new LinkedHashMap<>(r.metrics());
        DropMetrics.put(m, counted);
        m.put(RunResult.PUBLISHERS_DISCONNECTED, (double) publishers.ended());
        m.put(RunResult.SUBSCRIBERS_DISCONNECTED, (double) subscribers.ended());
        List<String> notes = new ArrayList<>();
        if (!r.note().isEmpty()) {
            notes.add(r.note());
        }
        if (publishers.ended() > 0) {
            notes.add("publishers ended by the broker, " + publishers.describe());
        }
        if (subscribers.ended() > 0) {
            notes.add("subscribers ended by the broker, " + subscribers.describe());
        }
        boolean passed = r.passed() && publishers.ended() == 0 && subscribers.ended() == 0;
        return new RunResult(m, r.latency(), passed, String.join("; ", notes));
    }

    static RunResult result(StreamLedger ledger, Percentiles p, PublisherLoop.Outcome sent, long receiveNanos, Rate rate) {
        Map<String, Double> m = new LinkedHashMap<>();
        double receiveSeconds = Math.max(receiveNanos, 1) / 1e9;
        m.put(RunResult.SENT, (double) ledger.sent());
        m.put(RunResult.DELIVERED_PER_SECOND, ledger.received() / receiveSeconds);
        m.put(RunResult.SENT_PER_SECOND, sent.sentPerSecond());
        m.put(RunResult.P50, p.p50());
        m.put(RunResult.P99, p.p99());
        m.put(RunResult.P999, p.p999());
        m.put(RunResult.LOST, (double) ledger.lost());
        m.put(RunResult.DUPLICATES, (double) ledger.duplicates());
        m.put(RunResult.OUT_OF_ORDER, (double) ledger.outOfOrder());
        m.put(RunResult.PUBLISH_ERRORS, (double) sent.errors());
        m.put(RunResult.WINDOW, (double) sent.window());
        boolean passed = SustainedCriterion.ISSUE_5.met(rate, sent.sentPerSecond(), ledger.lost(), p.p99())
                && sent.settled() && ledger.strays() == 0;
        String note = ledger.strays() > 0 ? ledger.strays() + " messages of unexpected streams" : "";
        return new RunResult(m, p, passed, note);
    }
}
