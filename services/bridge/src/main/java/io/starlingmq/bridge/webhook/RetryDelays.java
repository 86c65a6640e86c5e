package io.starlingmq.bridge.webhook;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How long to wait before trying a message again: {@code first}, doubling with each attempt, at most
 * {@code max}. A webhook's own {@code Retry-After} (seconds or an HTTP date) is honoured, also at most
 * {@code max}, so a rate-limited webhook is not asked again before it said it would be ready.
 */
final class RetryDelays {

    private final Duration first;
    private final Duration max;

    RetryDelays(Duration first, Duration max) {
        this.first = first;
        this.max = max;
    }

    /** The wait after failed attempt {@code attempt} (1 for the first). */
    Duration after(int attempt, Optional<String> retryAfter) {
        Duration doubled = first.multipliedBy(1L << Math.min(attempt - 1, 20));
        Duration wait = retryAfter.flatMap(RetryDelays::parseRetryAfter).orElse(doubled);
        return wait.compareTo(max) > 0 ? max : wait;
    }

    private static Optional<Duration> parseRetryAfter(String value) {
        String text = value.trim();
        if (text.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        try {
            Duration until = Duration.between(ZonedDateTime.now(),
                    ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME));
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
