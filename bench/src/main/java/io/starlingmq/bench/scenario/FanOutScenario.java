package io.starlingmq.bench.scenario;

import io.starlingmq.bench.load.RunResult;
import io.starlingmq.bench.load.Topology;
import io.starlingmq.bench.load.TrafficRun;

/** One publisher into S subscribers of the same topic; the rate is the publish rate, deliveries are S times it. */
public final class FanOutScenario implements Scenario {

    @Override
    public String name() {
        return "fanout";
    }

    @Override
    public String description() {
        return "one publisher -> S subscribers of one topic";
    }

    @Override
    public RunResult run(ScenarioContext c) throws InterruptedException {
        Topology topology = Topology.fanOut("bench/" + c.runId(), c.params().subscribers());
        return TrafficRun.run(c.endpoint(), topology, c.settings(), c.runId(), c.counters());
    }
}
