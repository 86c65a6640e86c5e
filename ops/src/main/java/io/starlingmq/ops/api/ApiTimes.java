package io.starlingmq.ops.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Times as EMQX's API writes and reads them: RFC 3339 strings. */
final class ApiTimes {

    private ApiTimes() {
    }

    /** Epoch millis as RFC 3339 (UTC); null for 0, which the routers use for "none". */
    static String format(long epochMillis) {
        return epochMillis == 0 ? null : Instant.ofEpochMilli(epochMillis).toString();
    }

    /** An RFC 3339 string as epoch millis; empty when it is not one. */
    static Optional<Long> parse(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant().toEpochMilli());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
