package io.starlingmq.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageRateTest {

    private static void record(MessageRate rate, int messages) {
        for (int i = 0; i < messages; i++) {
            rate.record();
        }
    }

    @Test
    void beforeTwoSamplesTheRateIsZero() {
        MessageRate rate = new MessageRate();
        record(rate, 50);
        rate.sample();

        assertThat(rate.perSecond()).isZero();
    }

    @Test
    void theRateIsTheMessagesBetweenTheOldestAndTheNewestSamplePerSecond() {
        MessageRate rate = new MessageRate();
        rate.sample();
        record(rate, 30);
        rate.sample();
        record(rate, 10);
        rate.sample();

        assertThat(rate.perSecond()).isEqualTo(20.0);
    }

    @Test
    void onlyTheLastTenSecondsCount() {
        MessageRate rate = new MessageRate();
        rate.sample();
        record(rate, 1_000);
        for (int second = 0; second < MessageRate.WINDOW_SECONDS; second++) {
            rate.sample();
            record(rate, 5);
        }
        // The burst of the first second has left the window: only the 5 a second after it remain.
        rate.sample();

        assertThat(rate.perSecond()).isEqualTo(5.0);
    }
}
