package io.starlingmq.bench.run;

import io.starlingmq.bench.counters.DropMetrics;
import io.starlingmq.bench.load.RunResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A search's report of the first failing step above the rate it settled on: its rate, what the publishers
 * really sent, what was lost, what the broker counted as dropped, how many publishers it disconnected, and
 * the p99. A settled rate alone says nothing of whether one step more loses a few messages or many.
 */
final class FailureAbove {

    static final String PREFIX = "failed step above: ";
    static final String RATE = PREFIX + "paced msg/s";
    /** The step's figures copied under the prefix, in this order. */
    static final List<String> FIGURES = List.of(RunResult.SENT_PER_SECOND, RunResult.LOST, DropMetrics.DROPPED,
            RunResult.PUBLISHERS_DISCONNECTED, RunResult.P99);

    private FailureAbove() {
    }

    /** @param step null when no step above the settled rate failed: every figure is then NaN ("—") */
    static Map<String, Double> metrics(MaxRateSearch.Step<RunResult> step) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(RATE, step == null ? Double.NaN : step.rate());
        for (String figure : FIGURES) {
            m.put(PREFIX + figure, step == null ? Double.NaN : step.result().metric(figure));
        }
        return m;
    }
}
