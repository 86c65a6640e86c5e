package io.starlingmq.bench.scenario;

import io.starlingmq.bench.brokers.MosquittoConfig;
import io.starlingmq.bench.load.ClientKind;
import io.starlingmq.bench.load.LoadSettings;
import io.starlingmq.bench.load.Rate;
import io.starlingmq.bench.load.RunResult;
import io.starlingmq.bench.load.Topology;
import io.starlingmq.bench.load.TrafficRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Load without loss (issue #14): a few publishers into one subscriber of {@code prefix/#}, both brokers at
 * their defaults, the raw Netty client filling whatever window the broker grants, unpaced or paced. Not a
 * search: one run at the load a user's own generator would apply, reporting what was lost, what the broker
 * counted as dropped, and which publishers it disconnected.
 */
public final class FanInLoadScenario implements Scenario {

    /** Issue #14 measured unpaced QoS 0 for 15 s and the QoS 1 cases for 20 s. */
    static final Duration UNPACED_QOS0 = Duration.ofSeconds(15);
    static final Duration OTHERS = Duration.ofSeconds(20);

    @Override
    public String name() {
        return "fanin-load";
    }

    @Override
    public String description() {
        return "P publishers (4) -> one subscriber of prefix/#, both brokers at their defaults, publishers filling the "
                + "broker's window; passes with no publisher disconnected and, except unpaced QoS 0, nothing lost";
    }

    @Override
    public ClientKind defaultClient() {
        return ClientKind.NETTY;
    }

    @Override
    public MosquittoConfig defaultMosquittoConfig() {
        return MosquittoConfig.DEFAULTS;
    }

    @Override
    public int defaultWindow() {
        return LoadSettings.BROKER_WINDOW;
    }

    @Override
    public Optional<Duration> defaultDuration(int qos, Rate rate) {
        return Optional.of(qos == 0 && !rate.isPaced() ? UNPACED_QOS0 : OTHERS);
    }

    @Override
    public RunResult run(ScenarioContext c) throws InterruptedException {
        Topology topology = Topology.fanInAllLevels("bench/" + c.runId(), c.params().loadPublishers());
        RunResult r = TrafficRun.run(c.endpoint(), topology, c.settings(), c.runId(), c.counters());
        return judged(r, c.settings());
    }

    /**
     * Whether the run held: no connection ended by the broker, and nothing lost, except that unpaced QoS 0
     * may lose (a broker may shed QoS 0 under overload; that is reported, not failed). Latency is reported,
     * not judged: there is no target for it at these loads.
     */
    static RunResult judged(RunResult r, LoadSettings s) {
        boolean lossAllowed = s.qos() == 0 && !s.rate().isPaced();
        double lost = r.metric(RunResult.LOST);
        boolean disconnected = r.metric(RunResult.PUBLISHERS_DISCONNECTED) > 0 || r.metric(RunResult.SUBSCRIBERS_DISCONNECTED) > 0;
        List<String> notes = new ArrayList<>();
        if (!r.note().isEmpty()) {
            notes.add(r.note());
        }
        if (lost > 0) {
            notes.add(String.format(Locale.ROOT, "%.0f of %.0f lost%s", lost, r.metric(RunResult.SENT),
                    lossAllowed ? " (unpaced QoS 0: reported, not failed)" : ""));
        }
        boolean passed = !disconnected && (lossAllowed || lost == 0) && !r.note().contains("unexpected streams");
        return new RunResult(r.metrics(), r.latency(), passed, String.join("; ", notes));
    }
}
