package io.starlingmq.bench.run;

import io.starlingmq.bench.load.MqttVersion;
import io.starlingmq.bench.scenario.ScenarioParams;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything a bench run was asked for.
 *
 * @param window publishes one publisher may have outstanding (default 32, Starling's and our
 *        Mosquitto's inflight window)
 * @param heapMb heap of Starling's JVMs, -Xms = -Xmx (default 512)
 * @param warmUp discarded run before every measurement (default 3 s; zero: none): a paced run of the
 *        same case at the search's start rate, or a full round of the connections for connect scenarios
 * @param warmUpLimit warm-up rounds repeat until the target's JIT compilers are quiet, for at most this long
 *        (default 60 s)
 */
public record BenchOptions(List<BenchCase> cases, MqttVersion version, int payloadSize, Duration duration, int repeats,
        int window, ScenarioParams params, SearchSettings search, List<String> targets, Path repo, Path output, int heapMb,
        Duration warmUp, Duration warmUpLimit) {

    /** Whether a case of the plan needs Starling's JWT side (PostgreSQL, auth service, a second gateway). */
    public boolean needsJwt() {
        return cases.stream().anyMatch(c -> c.scenario().authenticates());
    }
}
