package io.starlingmq.ops.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.starlingmq.ops.monitor.Reading.Counters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonitorSeriesTest {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        long millis;

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    private final HandClock clock = new HandClock();

    private static Reading reading(long time, Map<String, Counters> counters) {
        return new Reading(time, 3, 4, 5, 6, counters, Map.of("gateway-a", 2L, "gateway-b", 1L));
    }

    @Test
    void theFirstSampleCountsNothingAndHasNoRate() {
        MonitorSeries series = new MonitorSeries(10, clock);
        Sample first = series.record(reading(1_000, Map.of("r1", new Counters(50, 40, 1))));
        assertThat(first.received()).isZero();
        assertThat(first.intervalMillis()).isZero();
        assertThat(first.receivedRate()).isZero();
        assertThat(first.connections()).isEqualTo(3);
        assertThat(first.gateways()).containsEntry("gateway-a", 2L).containsEntry("gateway-b", 1L);
    }

    @Test
    void ratesAreTheCounterDifferencesOverTheIntervalSummedOverRouters() {
        MonitorSeries series = new MonitorSeries(10, clock);
        series.record(reading(1_000, Map.of("r1", new Counters(100, 200, 0), "r2", new Counters(10, 20, 0))));
        Sample second = series.record(reading(11_000,
                Map.of("r1", new Counters(150, 300, 5), "r2", new Counters(40, 20, 0))));
        assertThat(second.intervalMillis()).isEqualTo(10_000);
        assertThat(second.received()).isEqualTo(80);
        assertThat(second.sent()).isEqualTo(100);
        assertThat(second.dropped()).isEqualTo(5);
        assertThat(second.receivedRate()).isCloseTo(8.0, within(1e-9));
        assertThat(second.sentRate()).isCloseTo(10.0, within(1e-9));
        assertThat(second.droppedRate()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void aRouterThatRestartedCountsWhatItCountedSinceItsStart() {
        MonitorSeries series = new MonitorSeries(10, clock);
        series.record(reading(0, Map.of("r1", new Counters(1_000, 1_000, 1_000))));
        Sample afterRestart = series.record(reading(2_000, Map.of("r1", new Counters(7, 1_004, 0))));
        assertThat(afterRestart.received()).isEqualTo(7);
        assertThat(afterRestart.sent()).isEqualTo(4);
        assertThat(afterRestart.dropped()).isZero();
        assertThat(afterRestart.receivedRate()).isCloseTo(3.5, within(1e-9));
    }

    @Test
    void aRouterMissingFromEitherReadingAddsNothing() {
        MonitorSeries series = new MonitorSeries(10, clock);
        series.record(reading(0, Map.of("r1", new Counters(10, 0, 0))));
        Sample r2Appears = series.record(reading(1_000,
                Map.of("r1", new Counters(12, 0, 0), "r2", new Counters(5_000, 0, 0))));
        assertThat(r2Appears.received()).as("r2's whole count is not new").isEqualTo(2);
        Sample r1Gone = series.record(reading(2_000, Map.of("r2", new Counters(5_003, 0, 0))));
        assertThat(r1Gone.received()).isEqualTo(3);
    }

    @Test
    void latestKeepsTheSamplesOfTheLastSecondsByTheClock() {
        MonitorSeries series = new MonitorSeries(100, clock);
        for (long t = 0; t <= 60_000; t += 10_000) {
            series.record(reading(t, Map.of()));
        }
        clock.millis = 65_000;
        assertThat(series.latest(Duration.ofSeconds(20))).extracting(Sample::timeMillis)
                .containsExactly(50_000L, 60_000L);
        assertThat(series.all()).hasSize(7);
        assertThat(series.newest()).hasValueSatisfying(s -> assertThat(s.timeMillis()).isEqualTo(60_000));
    }

    @Test
    void anHourAtTenSecondsKeepsAnHourOfSamplesAndNoMore() {
        MonitorSeries series = MonitorSeries.covering(Duration.ofHours(1), Duration.ofSeconds(10), clock);
        assertThat(series.capacity()).isEqualTo(361);
        for (long t = 0; t < 1_000; t++) {
            series.record(reading(t * 10_000, Map.of()));
        }
        assertThat(series.all()).hasSize(361);
        assertThat(series.all().getFirst().timeMillis()).isEqualTo((1_000 - 361) * 10_000L);
    }

    @Test
    void settingsThatWouldNeedAnUnboundedSeriesAreRefused() {
        assertThatThrownBy(() -> MonitorSeries.covering(Duration.ofDays(365), Duration.ofSeconds(1), clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most");
        assertThatThrownBy(() -> MonitorSeries.covering(Duration.ofHours(1), Duration.ofMillis(10), clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1s");
    }
}
