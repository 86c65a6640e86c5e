package io.starlingmq.bench.run;

import java.time.Duration;

/**
 * Bounds of the max sustained rate search.
 *
 * @param startRate first paced rate (default 5,000 msg/s)
 * @param ceiling highest rate tried (default 400,000 msg/s)
 * @param maxSteps steps per search (default 7)
 * @param stepDuration publishing time per step (default 4 s)
 */
public record SearchSettings(double startRate, double ceiling, int maxSteps, Duration stepDuration) {

    public static final SearchSettings DEFAULTS = new SearchSettings(5_000, 400_000, 7, Duration.ofSeconds(4));
    /** Stop bisecting once the gap between the best pass and the lowest failure is within 10 %. */
    public static final double RESOLUTION = 0.10;

    public MaxRateSearch search() {
        return new MaxRateSearch(startRate, ceiling, maxSteps, RESOLUTION);
    }
}
