package io.starlingmq.bench.scenario;

import io.starlingmq.bench.load.RunResult;
import io.starlingmq.bench.load.Topology;
import io.starlingmq.bench.load.TrafficRun;

/** N publisher/subscriber pairs, one topic each. */
public final class PairsScenario implements Scenario {

    @Override
    public String name() {
        return "pairs";
    }

    @Override
    public String description() {
        return "N publisher/subscriber pairs, one topic each";
    }

    @Override
    public RunResult run(ScenarioContext c) throws InterruptedException {
        Topology topology = Topology.pairs("bench/" + c.runId(), c.params().pairs());
        return TrafficRun.run(c.endpoint(), topology, c.settings(), c.runId(), c.counters());
    }
}
