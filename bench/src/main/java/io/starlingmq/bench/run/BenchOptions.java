package io.starlingmq.bench.run;

import io.starlingmq.bench.brokers.MosquittoConfig;
import io.starlingmq.bench.brokers.RedisForm;
import io.starlingmq.bench.client.MqttVersion;
import io.starlingmq.bench.scenario.ScenarioParams;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Everything a bench run was asked for.
 *
 * @param duration publishing time of a paced or max run (default 10 s)
 * @param durationGiven whether {@code --duration} was given: then it holds for every case, otherwise a
 *        scenario may have its own ({@code fanin-load}: 15 or 20 s, as issue #14 measured)
 * @param window publishes one publisher may have outstanding; {@link #SCENARIO_WINDOW} when not given
 *        (the scenario's: 32, Starling's and the matched Mosquitto's inflight window; 0 for the broker's own)
 * @param heapMb heap of Starling's JVMs, -Xms = -Xmx (default 512)
 * @param warmUp discarded run before every measurement (default 3 s; zero: none): a paced run of the
 *        same case at the search's start rate, or a full round of the connections for connect scenarios
 * @param warmUpLimit warm-up rounds repeat until the target's JIT compilers are quiet, for at most this long
 *        (default 60 s)
 * @param redis the form of the Redis holding Starling's sessions (default one server)
 */
public record BenchOptions(List<BenchCase> cases, MqttVersion version, int payloadSize, Duration duration,
        boolean durationGiven, int repeats, int window, ScenarioParams params, SearchSettings search, List<String> targets,
        Path repo, Path output, int heapMb, Duration warmUp, Duration warmUpLimit, RedisForm redis) {

    public static final int SCENARIO_WINDOW = -1;

    /** Whether a case of the plan needs Starling's JWT side (PostgreSQL, auth service, a second gateway). */
    public boolean needsJwt() {
        return cases.stream().anyMatch(c -> c.scenario().authenticates());
    }

    /** The Mosquitto configurations the plan's cases run against. */
    public Set<MosquittoConfig> mosquittoConfigs() {
        Set<MosquittoConfig> configs = EnumSet.noneOf(MosquittoConfig.class);
        cases.forEach(c -> configs.add(c.mosquitto()));
        return configs;
    }

    public Duration durationFor(BenchCase c) {
        return durationGiven ? duration : c.scenario().defaultDuration(c.qos(), c.rate().rate()).orElse(duration);
    }

    public int windowFor(BenchCase c) {
        return window == SCENARIO_WINDOW ? c.scenario().defaultWindow() : window;
    }
}
