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
 */
public record BenchOptions(List<BenchCase> cases, MqttVersion version, int payloadSize, Duration duration, int repeats,
        int window, ScenarioParams params, SearchSettings search, List<String> targets, Path repo, Path output) {
}
