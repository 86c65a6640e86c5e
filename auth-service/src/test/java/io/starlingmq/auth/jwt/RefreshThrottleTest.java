package io.starlingmq.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RefreshThrottleTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2025-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void allowsOneRefreshPerInterval() {
        ManualClock clock = new ManualClock();
        RefreshThrottle throttle = new RefreshThrottle(clock, Duration.ofSeconds(30));
        assertThat(throttle.tryAcquire()).isTrue();
        assertThat(throttle.tryAcquire()).isFalse();
        clock.now = clock.now.plusSeconds(29);
        assertThat(throttle.tryAcquire()).isFalse();
        clock.now = clock.now.plusSeconds(1);
        assertThat(throttle.tryAcquire()).isTrue();
    }
}
