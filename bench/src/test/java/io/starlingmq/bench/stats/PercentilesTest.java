package io.starlingmq.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void percentilesOfAUniformSpreadAreInMilliseconds() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int ms = 1; ms <= 1000; ms++) {
            recorder.recordNanos(ms * 1_000_000L);
        }
        Percentiles p = recorder.percentiles();
        assertThat(p.count()).isEqualTo(1000);
        assertThat(p.p50()).isCloseTo(500, within(1.0));
        assertThat(p.p90()).isCloseTo(900, within(1.0));
        assertThat(p.p99()).isCloseTo(990, within(1.0));
        assertThat(p.max()).isCloseTo(1000, within(1.0));
    }

    @Test
    void fewSlowMessagesMoveP99ButNotTheMedian() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int i = 0; i < 980; i++) {
            recorder.recordNanos(200_000); // 0.2 ms
        }
        for (int i = 0; i < 20; i++) {
            recorder.recordNanos(50_000_000); // 50 ms
        }
        Percentiles p = recorder.percentiles();
        assertThat(p.p50()).isCloseTo(0.2, within(0.01));
        assertThat(p.p99()).isCloseTo(50, within(0.1));
    }

    @Test
    void percentilesAccumulateOverSeveralReads() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.recordNanos(1_000_000);
        recorder.percentiles();
        recorder.recordNanos(3_000_000);
        assertThat(recorder.percentiles().count()).isEqualTo(2);
    }

    @Test
    void emptyRecorderHasNoPercentiles() {
        assertThat(new LatencyRecorder().percentiles()).isEqualTo(Percentiles.NONE);
        assertThat(Percentiles.NONE.p99()).isNaN();
    }
}
