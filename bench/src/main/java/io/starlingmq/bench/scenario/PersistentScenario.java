package io.starlingmq.bench.scenario;

import io.starlingmq.bench.client.BenchClient;
import io.starlingmq.bench.load.BenchClients;
import io.starlingmq.bench.load.ClientGroup;
import io.starlingmq.bench.load.DrainWait;
import io.starlingmq.bench.load.LoadSettings;
import io.starlingmq.bench.load.PublisherLoop;
import io.starlingmq.bench.load.Rate;
import io.starlingmq.bench.load.Receiver;
import io.starlingmq.bench.load.RunResult;
import io.starlingmq.bench.load.SustainedCriterion;
import io.starlingmq.bench.load.Topology;
import io.starlingmq.bench.stats.LatencyRecorder;
import io.starlingmq.bench.stats.Percentiles;
import io.starlingmq.bench.stats.StreamLedger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fan-in at QoS 1 (or 2) into a persistent session: first a backlog published while the subscriber is
 * offline and drained when it returns, then live traffic at the run's rate into the same session.
 */
public final class PersistentScenario implements Scenario {

    public static final String BACKLOG_DRAIN_PER_SECOND = "backlog drain msg/s";
    public static final String BACKLOG_LOST = "backlog lost";
    private static final int CONNECT_WINDOW = 200;
    private static final Duration BACKLOG_PUBLISH_LIMIT = Duration.ofSeconds(60);
    private static final Duration STALL = Duration.ofSeconds(3);
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);

    @Override
    public String name() {
        return "persistent";
    }

    @Override
    public String description() {
        return "QoS 1 fan-in into a persistent session, with a backlog built offline and drained on return";
    }

    @Override
    public RunResult run(ScenarioContext c) throws InterruptedException {
        LoadSettings s = c.settings();
        LoadSettings live = s.withQos(Math.max(1, s.qos()));
        Topology topology = Topology.fanIn("bench/" + c.runId(), c.params().publishers());
        String subscriberId = c.runId() + "-s0";
        StreamLedger ledger = new StreamLedger(topology.publishers(), topology.routes());
        Receiver receiver = new Receiver(ledger, new LatencyRecorder());

        ClientGroup first = group(BenchClients.create(live, subscriberId, c.endpoint(), receiver.forSubscriber(0)));
        first.connect(true);
        first.subscribe(topology.subscriberFilters(), live.qos());
        first.disconnect();

        List<BenchClient> publishers = new ArrayList<>();
        for (int i = 0; i < topology.publishers(); i++) {
            publishers.add(BenchClients.create(live, c.runId() + "-p" + i, c.endpoint(), null));
        }
        ClientGroup pubs = new ClientGroup(publishers, CONNECT_WINDOW);
        ClientGroup back = group(BenchClients.create(live, subscriberId, c.endpoint(), receiver.forSubscriber(0)));
        try {
            pubs.connect(false);
            long perPublisher = Math.max(1, c.params().backlog() / topology.publishers());
            new PublisherLoop(publishers, topology.publisherTopics(), ledger, live.withRate(Rate.UNLIMITED))
                    .run(BACKLOG_PUBLISH_LIMIT, perPublisher);
            long backlogSent = ledger.sent();

            long reconnect = System.nanoTime();
            back.connect(true);
            DrainWait.untilComplete(ledger, STALL, DRAIN_LIMIT);
            double drainSeconds = Math.max(1, receiver.lastArrivalNanos() - reconnect) / 1e9;
            long backlogLost = ledger.lost();
            long receivedBefore = ledger.received();

            LatencyRecorder latency = new LatencyRecorder();
            receiver.recordInto(latency);
            long liveStart = System.nanoTime();
            PublisherLoop.Outcome sent = new PublisherLoop(publishers, topology.publisherTopics(), ledger, live)
                    .run(live.duration(), Long.MAX_VALUE);
            DrainWait.untilComplete(ledger, STALL, DRAIN_LIMIT);
            double liveSeconds = Math.max(1, receiver.lastArrivalNanos() - liveStart) / 1e9;
            long liveSent = sent.sent() - backlogSent;
            double liveSentPerSecond = liveSent / sent.seconds();

            Percentiles p = latency.percentiles();
            Map<String, Double> m = new LinkedHashMap<>();
            m.put(RunResult.DELIVERED_PER_SECOND, (ledger.received() - receivedBefore) / liveSeconds);
            m.put(RunResult.SENT_PER_SECOND, liveSentPerSecond);
            m.put(RunResult.P50, p.p50());
            m.put(RunResult.P99, p.p99());
            m.put(RunResult.P999, p.p999());
            m.put(RunResult.LOST, (double) ledger.lost());
            m.put(RunResult.DUPLICATES, (double) ledger.duplicates());
            m.put(RunResult.OUT_OF_ORDER, (double) ledger.outOfOrder());
            m.put(RunResult.PUBLISH_ERRORS, (double) sent.errors());
            m.put(BACKLOG_DRAIN_PER_SECOND, backlogSent / drainSeconds);
            m.put(BACKLOG_LOST, (double) backlogLost);
            boolean passed = SustainedCriterion.ISSUE_5.met(live.rate(), liveSentPerSecond, ledger.lost(), p.p99()) && sent.settled();
            return new RunResult(m, p, passed, "");
        } finally {
            pubs.disconnect();
            back.disconnect();
            removeSession(c, live, subscriberId);
        }
    }

    /** A clean connect ends the persistent session, so runs do not leave queues behind in the broker. */
    private static void removeSession(ScenarioContext c, LoadSettings s, String subscriberId) {
        ClientGroup cleanup = group(BenchClients.create(s, subscriberId, c.endpoint(), null));
        cleanup.connect(false);
        cleanup.disconnect();
    }

    private static ClientGroup group(BenchClient client) {
        return new ClientGroup(List.of(client), 1);
    }
}
