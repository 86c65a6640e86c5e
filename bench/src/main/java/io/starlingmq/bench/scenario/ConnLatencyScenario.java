package io.starlingmq.bench.scenario;

import io.starlingmq.bench.client.BenchClient;
import io.starlingmq.bench.load.BenchClients;
import io.starlingmq.bench.load.ClientGroup;
import io.starlingmq.bench.load.ClientKind;
import io.starlingmq.bench.load.RunResult;
import io.starlingmq.bench.load.Topology;
import io.starlingmq.bench.load.TrafficRun;
import io.starlingmq.bench.stats.Percentiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a gateway's latency starts to rise with the connections it holds, the figure behind the HPA's
 * connections target: idle connections (raw Netty client, several 127.0.0.x sources) added in steps of a
 * quarter of {@code --connections} up to all of them, and at each step (none included) the same paced
 * fan-in (P publishers into one subscriber, the case's QoS and rate): p50 and p99 per step.
 */
public final class ConnLatencyScenario implements Scenario {

    /** The steps, as fractions of {@code --connections}. */
    static final double[] STEPS = {0, 0.25, 0.5, 0.75, 1};

    @Override
    public String name() {
        return "conn-latency";
    }

    @Override
    public String description() {
        return "idle connections in steps up to C, a paced fan-in at each step: p50/p99 as the connections grow";
    }

    public static String p99At(int connections) {
        return "p99 ms at " + connections + " idle";
    }

    public static String p50At(int connections) {
        return "p50 ms at " + connections + " idle";
    }

    @Override
    public RunResult run(ScenarioContext c) throws InterruptedException {
        int total = c.params().connections();
        List<BenchClient> idle = new ArrayList<>(total);
        Map<String, Double> m = new LinkedHashMap<>();
        boolean passed = true;
        StringBuilder notes = new StringBuilder();
        Percentiles last = Percentiles.NONE;
        try {
            for (int step = 0; step < STEPS.length; step++) {
                int wanted = (int) Math.round(total * STEPS[step]);
                List<BenchClient> more = new ArrayList<>();
                for (int i = idle.size(); i < wanted; i++) {
                    more.add(BenchClients.create(ClientKind.NETTY, c.settings().version(), c.runId() + "-idle" + i,
                            c.endpoint().withLocalAddress(ConnScenario.sourceAddress(i % c.params().sourceAddresses())),
                            null));
                }
                long refused = ConnScenario.connectAll(more, c.params().connectWindow());
                idle.addAll(more);
                if (refused > 0) {
                    notes.append(refused).append(" idle connects refused at step ").append(wanted).append("; ");
                    passed = false;
                }
                Topology topology = Topology.fanIn("bench/" + c.runId() + "/s" + step, c.params().publishers());
                RunResult r = TrafficRun.run(c.endpoint(), topology, c.settings(), c.runId() + "-s" + step, c.counters());
                m.put(p50At(wanted), r.latency().p50());
                m.put(p99At(wanted), r.latency().p99());
                m.put(RunResult.LOST + " at " + wanted + " idle", r.metric(RunResult.LOST));
                passed &= r.passed();
                if (r.note() != null && !r.note().isEmpty()) {
                    notes.append(wanted).append(" idle: ").append(r.note()).append("; ");
                }
                last = r.latency();
            }
        } finally {
            new ClientGroup(idle, c.params().connectWindow()).disconnect();
        }
        return new RunResult(m, last, passed, notes.toString());
    }
}
