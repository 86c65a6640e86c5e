package io.starlingmq.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.starlingmq.bench.load.RunResult;
import io.starlingmq.bench.stats.Percentiles;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnScenarioTest {

    private static RunResult measured() {
        return new RunResult(Map.of(ConnScenario.CONNECTS_PER_SECOND, 3000.0, ConnScenario.RSS_PER_CONNECTION, 0.004,
                ConnScenario.HEAP_PER_CONNECTION, 3.5), Percentiles.NONE, true, "");
    }

    @Test
    void aRoundAfterAWarmUpRoundHasNoRssFigureButKeepsItsOthers() {
        RunResult after = ConnScenario.afterWarmUp(measured());

        assertThat(after.metrics().get(ConnScenario.RSS_PER_CONNECTION)).isNaN();
        assertThat(after.metrics()).containsEntry(ConnScenario.HEAP_PER_CONNECTION, 3.5)
                .containsEntry(ConnScenario.CONNECTS_PER_SECOND, 3000.0);
    }

    @Test
    void aResultWithoutAnRssFigureIsLeftAsItIs() {
        RunResult other = new RunResult(Map.of(ConnScenario.CONNECTS_PER_SECOND, 1200.0), Percentiles.NONE, true, "");

        assertThat(ConnScenario.afterWarmUp(other).metrics()).containsOnlyKeys(ConnScenario.CONNECTS_PER_SECOND);
    }
}
