package io.starlingmq.testing.fleet;

import java.util.Locale;

/** One clock for every event a fleet test records: nanoseconds since the test JVM loaded this class. */
public final class FleetClock {

    private static final long ORIGIN = System.nanoTime();

    private FleetClock() {
    }

    public static long now() {
        return System.nanoTime() - ORIGIN;
    }

    /** Seconds with milliseconds, for messages: {@code 12.345s}. */
    public static String format(long nanos) {
        return String.format(Locale.ROOT, "%08.3fs", nanos / 1e9);
    }
}
