package io.starlingmq.bench.report;

import io.starlingmq.bench.load.RunResult;
import io.starlingmq.bench.run.BenchCase;
import io.starlingmq.bench.run.Measurement;
import io.starlingmq.bench.scenario.ConnScenario;
import io.starlingmq.bench.scenario.OverloadScenario;

/** The one metric that stands for a case in the throughput chart and the noise table. */
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
}
