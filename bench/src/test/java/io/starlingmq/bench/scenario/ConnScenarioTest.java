package io.starlingmq.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.starlingmq.bench.load.RunResult;
import io.starlingmq.bench.stats.Percentiles;
import java.util.Map;
import java.util.OptionalLong;
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

    @Test
    void perConnectionGrowthIsTheDifferenceOverTheCountInKilobytes() {
        assertThat(ConnScenario.perConnectionKb(OptionalLong.of(1_000_000), OptionalLong.of(1_000_000 + 3 * 1024 * 100), 100))
                .isEqualTo(3.0);
    }

    @Test
    void aMissingReadingOnEitherSideGivesNoGrowth() {
        assertThat(ConnScenario.perConnectionKb(OptionalLong.empty(), OptionalLong.of(5), 10)).isNaN();
        assertThat(ConnScenario.perConnectionKb(OptionalLong.of(5), OptionalLong.empty(), 10)).isNaN();
    }

    @Test
    void memoryPerConnectionIsHeapPlusNative() {
        assertThat(ConnScenario.memoryKb(3.5, 0.25)).isEqualTo(3.75);
    }

    @Test
    void nativeMemoryThatShrankDoesNotHideHeapGrowth() {
        assertThat(ConnScenario.memoryKb(3.5, -0.5)).isEqualTo(3.5);
    }

    @Test
    void withoutAHeapOrNativeFigureThereIsNoMemoryFigure() {
        assertThat(ConnScenario.memoryKb(Double.NaN, 0.1)).isNaN();
        assertThat(ConnScenario.memoryKb(3.5, Double.NaN)).isNaN();
    }
}
