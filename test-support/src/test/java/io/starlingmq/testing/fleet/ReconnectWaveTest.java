package io.starlingmq.testing.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The measurement alone: a paced wave stays within the bound, a burst does not, jitter widens it as derived. */
class ReconnectWaveTest {

    private static final long MS = 1_000_000L;

    @Test
    void departuresExactlyOneOverTheRateApartFillAnyOneSecondWindowWithTheRate() {
        List<Long> departures = spaced(100, 50 * MS, 0);

        assertThat(ReconnectWave.peak(departures)).isEqualTo(20);
    }

    @Test
    void aPacedDrainWithAFixedReconnectLatencyPeaksAtTheRate() {
        List<Long> departures = spaced(100, 50 * MS, 0);
        ReconnectWave wave = ReconnectWave.of(departures, shifted(departures, List.of(110 * MS)));

        assertThat(wave.peakReconnects()).isEqualTo(20);
        assertThat(wave.latencySpreadNanos()).isZero();
        assertThat(wave.bound(20)).isEqualTo(20);
    }

    @Test
    void latencyJitterWidensTheBoundByTwiceTheRateTimesTheSpread() {
        List<Long> departures = spaced(100, 50 * MS, 0);
        // Alternating 110 ms and 160 ms latencies: a 50 ms spread.
        ReconnectWave wave = ReconnectWave.of(departures, shifted(departures, List.of(110 * MS, 160 * MS)));

        assertThat(wave.latencySpreadNanos()).isEqualTo(50 * MS);
        assertThat(wave.bound(20)).isEqualTo(22);
        assertThat(wave.peakReconnects()).isLessThanOrEqualTo(wave.bound(20));
    }

    @Test
    void everyoneAskedAtOnceExceedsTheBound() {
        List<Long> departures = spaced(100, 0, 0);
        // The burst queues the connects: latencies spread over 200 ms.
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            latencies.add((110 + 2 * i) * MS);
        }
        ReconnectWave wave = ReconnectWave.of(departures, shifted(departures, latencies));

        assertThat(wave.peakReconnects()).isEqualTo(100);
        assertThat(wave.bound(20)).isEqualTo(28);
    }

    @Test
    void aTokenBucketBurstOfOneSecondsWorthAtTheStartExceedsTheBound() {
        List<Long> departures = new ArrayList<>(spaced(20, 0, 0));
        departures.addAll(spaced(80, 50 * MS, 50 * MS));
        ReconnectWave wave = ReconnectWave.of(departures, shifted(departures, List.of(110 * MS)));

        assertThat(wave.peakReconnects()).isEqualTo(39);
        assertThat(wave.peakReconnects()).isGreaterThan(wave.bound(20));
    }

    @Test
    void bucketsCountFromTheFirstDeparture() {
        List<Long> departures = spaced(45, 50 * MS, 1000 * MS);
        ReconnectWave wave = ReconnectWave.of(departures, shifted(departures, List.of(100 * MS)));

        assertThat(wave.departuresPerSecond()).containsExactly(20, 20, 5);
        assertThat(wave.reconnectsPerSecond()).containsExactly(18, 20, 7);
        assertThat(wave.departureSpanNanos()).isEqualTo(44 * 50 * MS);
    }

    private static List<Long> spaced(int count, long interval, long start) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            times.add(start + i * interval);
        }
        return times;
    }

    /** Each departure plus the latencies in turn. */
    private static List<Long> shifted(List<Long> departures, List<Long> latencies) {
        List<Long> reconnects = new ArrayList<>();
        for (int i = 0; i < departures.size(); i++) {
            reconnects.add(departures.get(i) + latencies.get(i % latencies.size()));
        }
        return reconnects;
    }
}
