package io.starlingmq.bench.scenario;

import io.starlingmq.bench.load.RunResult;
import io.starlingmq.bench.load.Topology;
import io.starlingmq.bench.load.TrafficRun;

/** P publishers, each on its own topic, into one subscriber of a single-level wildcard. */
public final class FanInScenario implements Scenario {

    @Override
    public String name() {
        return "fanin";
    }

    @Override
    public String description() {
        return "P publishers -> one wildcard subscriber";
    }

    @Override
    public RunResult run(ScenarioContext c) throws InterruptedException {
        Topology topology = Topology.fanIn("bench/" + c.runId(), c.params().publishers());
        return TrafficRun.run(c.endpoint(), topology, c.settings(), c.runId(), c.counters());
    }
}
