package io.starlingmq.gateway.drain;

import java.time.Duration;

/**
 * How far apart clients are asked to leave: evenly over a window, never closer than one over the rate.
 * With consecutive asks at least that far apart, no one-second span holds more than the rate.
 */
public final class DrainPace {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int total;
    private final long intervalNanos;

    private DrainPace(int total, long intervalNanos) {
        this.total = total;
        this.intervalNanos = intervalNanos;
    }

    /**
     * @param total   clients to ask
     * @param window  span to spread them over (zero: as fast as the rate allows)
     * @param maxRate most clients asked per second, at least 1
     */
    public static DrainPace of(int total, Duration window, int maxRate) {
        if (maxRate < 1) {
            throw new IllegalArgumentException("drain max-rate must be at least 1 a second, was " + maxRate);
        }
        if (window.isNegative()) {
            throw new IllegalArgumentException("drain window must not be negative, was " + window);
        }
        long atRate = (NANOS_PER_SECOND + maxRate - 1) / maxRate;
        long even = total > 0 ? window.toNanos() / total : 0;
        return new DrainPace(total, Math.max(atRate, even));
    }

    /** The least time between two consecutive asks. */
    public Duration interval() {
        return Duration.ofNanos(intervalNanos);
    }

    long intervalNanos() {
        return intervalNanos;
    }

    /** How long asking everyone takes when nothing delays it: the first at once, the last one interval after the one before. */
    public Duration span() {
        return total == 0 ? Duration.ZERO : Duration.ofNanos(intervalNanos * (total - 1));
    }
}
