package io.starlingmq.ops.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleRingTest {

    private static Sample at(long time) {
        return new Sample(time, 0, 0, 0, 0, 0, 0, 0, 0, Map.of());
    }

    @Test
    void keepsTheLatestCapacitySamplesOldestFirst() {
        SampleRing ring = new SampleRing(3);
        for (long t = 1; t <= 5; t++) {
            ring.add(at(t));
        }
        assertThat(ring.size()).isEqualTo(3);
        assertThat(ring.since(Long.MIN_VALUE)).extracting(Sample::timeMillis).containsExactly(3L, 4L, 5L);
        assertThat(ring.latest()).hasValueSatisfying(s -> assertThat(s.timeMillis()).isEqualTo(5));
    }

    @Test
    void beforeItIsFullItHoldsWhatWasAdded() {
        SampleRing ring = new SampleRing(4);
        assertThat(ring.latest()).isEmpty();
        ring.add(at(10));
        ring.add(at(20));
        assertThat(ring.since(Long.MIN_VALUE)).extracting(Sample::timeMillis).containsExactly(10L, 20L);
    }

    @Test
    void sinceKeepsSamplesAtOrAfterTheTime() {
        SampleRing ring = new SampleRing(3);
        for (long t = 10; t <= 50; t += 10) {
            ring.add(at(t));
        }
        assertThat(ring.since(40)).extracting(Sample::timeMillis).containsExactly(40L, 50L);
        assertThat(ring.since(51)).isEmpty();
    }

    @Test
    void aRingTooSmallToCompareTwoSamplesIsRefused() {
        assertThatThrownBy(() -> new SampleRing(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
