package io.starlingmq.bench.load;

/**
 * When a paced run counts as sustained: nothing lost, p99 within the bound, and the publishers really
 * sent (almost) the rate asked for, since an open-loop publisher held back by its window sends less.
 */
public record SustainedCriterion(double maxP99Millis, double minRateFraction) {

    public static final SustainedCriterion ISSUE_5 = new SustainedCriterion(10.0, 0.95);

    public boolean met(Rate asked, double sentPerSecond, long lost, double p99Millis) {
        if (lost > 0 || Double.isNaN(p99Millis) || p99Millis > maxP99Millis) {
            return false;
        }
        return !asked.isPaced() || sentPerSecond >= asked.perSecond() * minRateFraction;
    }
}
