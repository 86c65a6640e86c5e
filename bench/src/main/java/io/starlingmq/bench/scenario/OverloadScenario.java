package io.starlingmq.bench.scenario;

import io.starlingmq.bench.load.LoadSettings;
import io.starlingmq.bench.load.RunResult;
import io.starlingmq.bench.stats.Percentiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishers at QoS 1 (or 0, or 2) as fast as their windows allow into one subscriber that takes messages
 * at a bounded slow rate: first with a clean session (the gateway's bounded outbound queue drops), then with
 * a persistent one (the store's per-session queue drops). Every acknowledged publish (at QoS 0: every
 * publish written to the socket, QoS 0 has no acknowledgement) must end delivered or counted in the broker's
 * drop counters, and no publisher may be disconnected; where the broker has no counters, drops show as
 * missing sequences.
 */
public final class OverloadScenario implements Scenario {

    public static final String ATTEMPTED = "attempted msg/s";
    public static final String ACHIEVED = "publishers' achieved msg/s";
    public static final String SUBSCRIBER_RATE = "subscriber received msg/s";
    public static final String ACKNOWLEDGED = "acknowledged";
    public static final String DELIVERED = "acknowledged and delivered";
    public static final String MISSING = "acknowledged, missing";
    public static final String COUNTED = "drops counted by the broker";
    public static final String UNACCOUNTED = "missing − counted";
    public static final String LINK_EVENTS = "link events dropped";
    public static final String DELIVERED_UNACKNOWLEDGED = "delivered, never acknowledged";
    public static final String DUPLICATES = "duplicates";
    public static final String ERRORS = "publish errors";
    public static final String PUBLISHERS_DISCONNECTED = "publishers disconnected by the broker";
    public static final String SUBSCRIBER_DISCONNECTED = "subscriber disconnected by the broker";
    public static final String RSS_START = "RSS MB at start (gateway; mosquitto)";
    public static final String RSS_PEAK = "RSS MB peak (gateway; mosquitto)";
    /** The case's figure in the throughput chart and the noise table. */
    public static final String HEADLINE = "clean: " + ACHIEVED;
    /** The target figure: |missing − counted| over both phases, 0 when every acknowledged message is accounted for. */
    public static final String UNACCOUNTED_TOTAL = "unaccounted acknowledged messages (both phases)";

    @Override
    public String name() {
        return "overload";
    }

    @Override
    public String description() {
        return "Publishers as fast as their windows allow into one slow subscriber (clean, then persistent session; QoS 1/2: "
                + "it acknowledges slowly, QoS 0: it reads its socket slowly): acknowledged (QoS 0: written) = delivered + "
                + "counted drops, no publisher disconnected; back-pressure as achieved vs. attempted rate";
    }

    @Override
    public int phases() {
        return 2;
    }

    @Override
    public RunResult run(ScenarioContext c) throws InterruptedException {
        LoadSettings s = c.settings();
        LoadSettings load = c.settings();
        OverloadPhase.Outcome clean = new OverloadPhase(c, load, false).run();
        OverloadPhase.Outcome persistent = new OverloadPhase(c, load, true).run();

        Map<String, Double> m = new LinkedHashMap<>();
        boolean counters = clean.verdict().hasCounters() && persistent.verdict().hasCounters();
        m.put(UNACCOUNTED_TOTAL, counters
                ? Math.abs(clean.verdict().unaccounted()) + Math.abs(persistent.verdict().unaccounted()) : Double.NaN);
        m.putAll(clean.metrics());
        m.putAll(persistent.metrics());
        boolean passed = clean.settled() && persistent.settled() && clean.publishers().ended() == 0
                && persistent.publishers().ended() == 0
                && (!counters || clean.verdict().accountedFor() && persistent.verdict().accountedFor());
        return new RunResult(m, Percentiles.NONE, passed, note(clean, persistent));
    }

    private static String note(OverloadPhase.Outcome clean, OverloadPhase.Outcome persistent) {
        List<String> parts = new ArrayList<>();
        clean.verdict().gaps().forEach(g -> parts.add("clean: " + g));
        persistent.verdict().gaps().forEach(g -> parts.add("persistent: " + g));
        if (clean.publishers().ended() > 0) {
            parts.add("clean: publishers ended by the broker, " + clean.publishers().describe());
        }
        if (persistent.publishers().ended() > 0) {
            parts.add("persistent: publishers ended by the broker, " + persistent.publishers().describe());
        }
        if (clean.subscriber().ended() > 0) {
            parts.add("clean: subscriber ended by the broker, " + clean.subscriber().describe());
        }
        if (persistent.subscriber().ended() > 0) {
            parts.add("persistent: subscriber ended by the broker, " + persistent.subscriber().describe());
        }
        if (!clean.settled() || !persistent.settled()) {
            parts.add("some publishes were never answered");
        }
        return String.join("; ", parts);
    }
}
