package io.starlingmq.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaxRateSearchTest {

    /** A broker that sustains anything up to {@code capacity}, recording the rates tried. */
    private static final class FakeBroker {
        final double capacity;
        final List<Double> tried = new ArrayList<>();

        FakeBroker(double capacity) {
            this.capacity = capacity;
        }

        Boolean run(double rate) {
            tried.add(rate);
            return rate <= capacity;
        }
    }

    @Test
    void doublesUntilAFailureThenBisectsToWithinTheResolution() throws InterruptedException {
        FakeBroker broker = new FakeBroker(30_000);
        var outcome = new MaxRateSearch(5_000, 1_000_000, 20, 0.10).search(broker::run, ok -> ok);

        assertThat(broker.tried).startsWith(5_000.0, 10_000.0, 20_000.0, 40_000.0, 30_000.0);
        assertThat(outcome.best()).isLessThanOrEqualTo(30_000).isGreaterThanOrEqualTo(30_000 * 0.9);
        double lowestFail = outcome.steps().stream().filter(s -> !s.passed()).mapToDouble(MaxRateSearch.Step::rate).min().orElseThrow();
        assertThat((lowestFail - outcome.best()) / lowestFail).isLessThanOrEqualTo(0.10);
    }

    @Test
    void neverRunsMoreThanTheStepBound() throws InterruptedException {
        FakeBroker broker = new FakeBroker(123_456);
        var outcome = new MaxRateSearch(1_000, 10_000_000, 4, 0.01).search(broker::run, ok -> ok);
        assertThat(broker.tried).hasSize(4);
        assertThat(outcome.steps()).hasSize(4);
        assertThat(outcome.best()).isEqualTo(8_000);
    }

    @Test
    void stopsAtTheCeilingWhenEverythingPasses() throws InterruptedException {
        FakeBroker broker = new FakeBroker(Double.MAX_VALUE);
        var outcome = new MaxRateSearch(1_000, 5_000, 10, 0.1).search(broker::run, ok -> ok);
        assertThat(broker.tried).containsExactly(1_000.0, 2_000.0, 4_000.0, 5_000.0);
        assertThat(outcome.best()).isEqualTo(5_000);
    }

    @Test
    void searchesBelowTheStartWhenTheStartFails() throws InterruptedException {
        FakeBroker broker = new FakeBroker(1_500);
        var outcome = new MaxRateSearch(5_000, 100_000, 10, 0.10).search(broker::run, ok -> ok);
        assertThat(broker.tried.get(1)).isEqualTo(2_500);
        assertThat(outcome.best()).isBetween(1_350.0, 1_500.0);
    }

    @Test
    void reportsZeroAndNoResultWhenNothingPasses() throws InterruptedException {
        var outcome = new MaxRateSearch(5_000, 100_000, 3, 0.10).search(rate -> false, ok -> ok);
        assertThat(outcome.best()).isZero();
        assertThat(outcome.atBest()).isNull();
    }

    @Test
    void keepsTheResultOfTheBestPassingStep() throws InterruptedException {
        var outcome = new MaxRateSearch(1_000, 100_000, 6, 0.10)
                .search(rate -> "measured at " + (long) rate, r -> Long.parseLong(r.substring(12)) <= 3_000);
        assertThat(outcome.atBest()).isEqualTo("measured at " + (long) outcome.best());
    }

    @Test
    void refusesBoundsThatCannotSearch() {
        assertThatThrownBy(() -> new MaxRateSearch(0, 10, 3, 0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MaxRateSearch(10, 5, 3, 0.1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportsTheFailingStepNearestAboveTheSettledRate() throws InterruptedException {
        FakeBroker broker = new FakeBroker(30_000);
        var outcome = new MaxRateSearch(5_000, 1_000_000, 20, 0.10).search(broker::run, ok -> ok);
        var above = outcome.failureAbove().orElseThrow();
        assertThat(above.passed()).isFalse();
        assertThat(above.rate()).isGreaterThan(outcome.best());
        assertThat(outcome.steps()).filteredOn(s -> !s.passed()).allMatch(s -> s.rate() >= above.rate());
    }

    @Test
    void noFailureAboveWhenTheCeilingPassed() throws InterruptedException {
        var outcome = new MaxRateSearch(5_000, 20_000, 10, 0.10).search(new FakeBroker(1e9)::run, ok -> ok);
        assertThat(outcome.failureAbove()).isEmpty();
    }

    @Test
    void whenNothingPassedTheLowestFailureIsTheOneAbove() throws InterruptedException {
        var outcome = new MaxRateSearch(5_000, 20_000, 3, 0.10).search(new FakeBroker(0)::run, ok -> ok);
        assertThat(outcome.failureAbove().orElseThrow().rate()).isEqualTo(outcome.steps().stream()
                .mapToDouble(MaxRateSearch.Step::rate).min().orElseThrow());
    }
}
