package io.starlingmq.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(Summary.of(List.of(3.0, 1.0, 2.0)).median()).isEqualTo(2.0);
        assertThat(Summary.of(List.of(4.0, 1.0, 2.0, 3.0)).median()).isEqualTo(2.5);
    }

    @Test
    void spreadIsRangeOverMedian() {
        Summary s = Summary.of(List.of(90.0, 100.0, 110.0));
        assertThat(s.min()).isEqualTo(90.0);
        assertThat(s.max()).isEqualTo(110.0);
        assertThat(s.spread()).isEqualTo(0.2);
    }

    @Test
    void missingValuesAreIgnored() {
        Summary s = Summary.of(List.of(Double.NaN, 5.0));
        assertThat(s.n()).isEqualTo(1);
        assertThat(s.median()).isEqualTo(5.0);
    }
}
