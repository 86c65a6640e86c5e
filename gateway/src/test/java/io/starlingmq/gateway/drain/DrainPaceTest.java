package io.starlingmq.gateway.drain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DrainPaceTest {

    @Test
    void fewConnectionsAreSpreadEvenlyOverTheWindow() {
        DrainPace pace = DrainPace.of(100, Duration.ofSeconds(20), 500);

        assertThat(pace.interval()).isEqualTo(Duration.ofMillis(200));
        assertThat(pace.span()).isEqualTo(Duration.ofMillis(200 * 99));
    }

    @Test
    void manyConnectionsGoAtTheRateAndTakeLongerThanTheWindow() {
        DrainPace pace = DrainPace.of(30_000, Duration.ofSeconds(20), 500);

        assertThat(pace.interval()).isEqualTo(Duration.ofMillis(2));
        assertThat(pace.span()).isEqualTo(Duration.ofMillis(2 * 29_999));
    }

    @Test
    void noOneSecondSpanHoldsMoreAsksThanTheRate() {
        int rate = 7;
        DrainPace pace = DrainPace.of(1_000, Duration.ZERO, rate);
        long interval = pace.interval().toNanos();
        long second = Duration.ofSeconds(1).toNanos();
        // Asks at k * interval; the densest one-second span starts at an ask.
        int inFirstSecond = 0;
        for (long at = 0; at < second; at += interval) {
            inFirstSecond++;
        }
        assertThat(inFirstSecond).isEqualTo(rate);
    }

    @Test
    void aRateThatDoesNotDivideASecondRoundsTheIntervalUp() {
        DrainPace pace = DrainPace.of(10, Duration.ZERO, 3);

        assertThat(pace.interval().toNanos()).isEqualTo(333_333_334L);
    }

    @Test
    void nothingToDrainTakesNoTime() {
        assertThat(DrainPace.of(0, Duration.ofSeconds(20), 500).span()).isEqualTo(Duration.ZERO);
    }

    @Test
    void aRateBelowOneIsRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> DrainPace.of(10, Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max-rate");
    }
}
