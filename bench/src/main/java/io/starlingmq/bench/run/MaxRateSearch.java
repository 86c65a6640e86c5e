package io.starlingmq.bench.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds the highest paced rate that passes: doubling from a start rate until a step fails (or the
 * ceiling passes), then bisecting between the best pass and the lowest failure until the gap is
 * within the resolution. The number of steps is bounded, so is the time of a search.
 */
public final class MaxRateSearch {

    /** Runs one step at a rate (messages per second) and returns what it measured. */
    @FunctionalInterface
    public interface Probe<R> {
        R run(double rate) throws InterruptedException;
    }

    public record Step<R>(double rate, boolean passed, R result) {
    }

    /** @param best highest passing rate, 0 when none passed; {@code atBest} its result (null when none) */
    public record Outcome<R>(double best, R atBest, List<Step<R>> steps) {

        /**
         * The failing step at the lowest rate above the settled one: what happened just past the rate the
         * search reports, which a settled rate alone hides (a step that lost messages, or had publishers
         * disconnected). Empty when no step above it failed (the ceiling passed, or steps ran out).
         */
        public Optional<Step<R>> failureAbove() {
            return steps.stream().filter(s -> !s.passed() && s.rate() > best)
                    .min(Comparator.comparingDouble(Step::rate));
        }
    }

    private final double startRate;
    private final double ceiling;
    private final int maxSteps;
    private final double resolution;

    /** @param resolution stop bisecting once (fail - pass) / fail is at most this fraction */
    public MaxRateSearch(double startRate, double ceiling, int maxSteps, double resolution) {
        if (startRate <= 0 || ceiling < startRate || maxSteps < 1 || resolution <= 0) {
            throw new IllegalArgumentException("bad search bounds");
        }
        this.startRate = startRate;
        this.ceiling = ceiling;
        this.maxSteps = maxSteps;
        this.resolution = resolution;
    }

    public <R> Outcome<R> search(Probe<R> probe, Predicate<R> passed) throws InterruptedException {
        List<Step<R>> steps = new ArrayList<>();
        double best = 0;
        R atBest = null;
        double lowestFail = Double.POSITIVE_INFINITY;
        double rate = startRate;
        while (steps.size() < maxSteps) {
            R result = probe.run(rate);
            boolean ok = passed.test(result);
            steps.add(new Step<>(rate, ok, result));
            if (ok) {
                best = rate;
                atBest = result;
            } else {
                lowestFail = Math.min(lowestFail, rate);
            }
            if (Double.isInfinite(lowestFail)) {
                if (rate >= ceiling) {
                    break;
                }
                rate = Math.min(rate * 2, ceiling);
            } else {
                if ((lowestFail - best) / lowestFail <= resolution) {
                    break;
                }
                rate = (best + lowestFail) / 2;
            }
        }
        return new Outcome<>(best, atBest, steps);
    }
}
