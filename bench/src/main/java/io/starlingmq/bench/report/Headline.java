package io.starlingmq.bench.report;

import io.starlingmq.bench.load.RunResult;
import io.starlingmq.bench.run.BenchCase;
import io.starlingmq.bench.run.Measurement;
import io.starlingmq.bench.scenario.ConnScenario;
import io.starlingmq.bench.scenario.OverloadScenario;

/** The metric that stands for a case: a rate in the throughput chart, and the judged figure in the noise table. */
final class Headline {

    private Headline() {
    }

    static String metric(BenchCase c) {
        if (!c.scenario().hasRate()) {
            return ConnScenario.CONNECTS_PER_SECOND;
        }
        if (c.scenario() instanceof OverloadScenario) {
            return OverloadScenario.HEADLINE;
        }
        return c.rate().search() ? Measurement.MAX_SUSTAINED : RunResult.DELIVERED_PER_SECOND;
    }

    /**
     * The figure whose spread the noise table shows. A paced case delivers its rate in every repeat (0 %
     * spread), so its p99 is what varies and what its target judges.
     */
    static String noiseMetric(BenchCase c) {
        String metric = metric(c);
        return metric.equals(RunResult.DELIVERED_PER_SECOND) ? RunResult.P99 : metric;
    }
}
