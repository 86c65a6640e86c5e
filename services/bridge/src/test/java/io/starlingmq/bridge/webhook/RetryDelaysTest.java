package io.starlingmq.bridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryDelaysTest {

    private final RetryDelays delays = new RetryDelays(Duration.ofMillis(500), Duration.ofSeconds(3));

    @Test
    void theDelayDoublesUpToTheMaximum() {
        assertThat(delays.after(1, Optional.empty())).isEqualTo(Duration.ofMillis(500));
        assertThat(delays.after(2, Optional.empty())).isEqualTo(Duration.ofSeconds(1));
        assertThat(delays.after(3, Optional.empty())).isEqualTo(Duration.ofSeconds(2));
        assertThat(delays.after(4, Optional.empty())).isEqualTo(Duration.ofSeconds(3));
        assertThat(delays.after(60, Optional.empty())).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aRetryAfterInSecondsIsHonouredUpToTheMaximum() {
        assertThat(delays.after(1, Optional.of("2"))).isEqualTo(Duration.ofSeconds(2));
        assertThat(delays.after(1, Optional.of("120"))).isEqualTo(Duration.ofSeconds(3));
        assertThat(delays.after(1, Optional.of("0"))).isEqualTo(Duration.ZERO);
    }

    @Test
    void aRetryAfterDateIsTheTimeUntilIt() {
        String inTwoSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)
                .plusSeconds(2));
        assertThat(delays.after(1, Optional.of(inTwoSeconds))).isBetween(Duration.ofMillis(500),
                Duration.ofSeconds(2));
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusHours(1));
        assertThat(delays.after(1, Optional.of(past))).isEqualTo(Duration.ZERO);
    }

    @Test
    void anUnreadableRetryAfterFallsBackToTheDoubling() {
        assertThat(delays.after(2, Optional.of("soon"))).isEqualTo(Duration.ofSeconds(1));
    }
}
