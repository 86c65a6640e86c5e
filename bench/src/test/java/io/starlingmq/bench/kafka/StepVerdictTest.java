package io.starlingmq.bench.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.starlingmq.bench.stats.Percentiles;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepVerdictTest {

    /** A 10 s step at 3,000 msg/s: everything acknowledged arrived while publishing, in 0.2 s after. */
    private static StepResult step(long arrivedWhilePublishing, long lost, long drops, double catchUp, double p99) {
        return new StepResult("s01", "bridge to Kafka", "search", 3000, 64, 1, 32, 10, 30_000, 30_000, 30_000,
                arrivedWhilePublishing, 30_000 - lost, 0, 0, 0, lost, drops, drops, catchUp, 40, 32, 0.01, 0, 0,
                new Percentiles(30_000, 4, 8, p99, p99, p99), Map.of(), 0, StoreCalls.NONE, List.of(), List.of());
    }

    @Test
    void aDestinationThatKeptPaceIsSustained() {
        assertThat(StepRunner.withVerdict(step(29_990, 0, 0, 0.2, 20)).passed()).isTrue();
    }

    @Test
    void aQueueThatGrewDuringTheStepFailsItThoughItDrainedAfterwards() {
        StepResult r = StepRunner.withVerdict(step(26_000, 0, 0, 1.5, 600));
        assertThat(r.passed()).isFalse();
        assertThat(r.failures()).containsExactly("2,600 msg/s arrived while publishing");
    }

    @Test
    void lossDropsAndALateCatchUpEachFail() {
        StepResult r = StepRunner.withVerdict(step(29_000, 12, 12, Double.NaN, 2_500));
        assertThat(r.failures()).containsExactly("12 acknowledged messages never arrived", "12 dropped by the broker",
                "p99 2,500 ms", "never caught up");
        assertThat(r.unaccounted()).isZero();
        assertThat(StepRunner.withVerdict(step(29_990, 0, 0, 7.5, 20)).failures())
                .containsExactly("caught up 7.5 s after publishing");
    }
}
