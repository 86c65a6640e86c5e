package io.starlingmq.bench.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HpaAlgorithmTest {

    private static final long S = 1_000_000_000L;
    /** The manifest's behaviour with a target of 600 and 2-6 replicas, at its own speed. */
    private static final HpaPolicy POLICY = HpaPolicy.MANIFEST.scaled(1, 600, 2, 6);

    @Test
    void theRawRecommendationIsTheCeilingOfTheRatioAndNoneWithinTheTolerance() {
        HpaAlgorithm hpa = new HpaAlgorithm(POLICY);
        assertThat(hpa.raw(2, 1000)).isEqualTo(4);
        assertThat(hpa.raw(3, 601)).isEqualTo(3);
        assertThat(hpa.raw(3, 659)).as("under 10 % above: within the tolerance").isEqualTo(3);
        assertThat(hpa.raw(3, 661)).isEqualTo(4);
        assertThat(hpa.raw(4, 100)).isEqualTo(1);
    }

    @Test
    void aScaleUpIsImmediateButLimitedToDoubleOrFourMorePerPeriodAndTheMaximum() {
        HpaAlgorithm hpa = new HpaAlgorithm(HpaPolicy.MANIFEST.scaled(1, 100, 1, 20));
        assertThat(hpa.desired(0, 1, 1000)).as("1 -> 10 wanted, max(2 x 1, 1 + 4) allowed").isEqualTo(5);
        assertThat(hpa.desired(15 * S, 5, 200)).as("within the same 30 s period: still from 1").isEqualTo(5);
        assertThat(hpa.desired(31 * S, 5, 400)).as("a new period: max(2 x 5, 5 + 4)").isEqualTo(10);
        HpaAlgorithm capped = new HpaAlgorithm(POLICY);
        assertThat(capped.desired(0, 4, 6000)).as("never above maxReplicas").isEqualTo(6);
    }

    @Test
    void aScaleDownWaitsForTheStabilizationWindowThenRemovesOnePodPerPeriod() {
        HpaAlgorithm hpa = new HpaAlgorithm(POLICY);
        assertThat(hpa.desired(0, 5, 600)).isEqualTo(5);
        assertThat(hpa.desired(15 * S, 5, 100)).as("the window still holds a recommendation of 5").isEqualTo(5);
        assertThat(hpa.desired(300 * S, 5, 100)).as("5 is still within the 600 s window").isEqualTo(5);
        assertThat(hpa.desired(601 * S, 5, 100)).as("past the window: one pod").isEqualTo(4);
        assertThat(hpa.desired(700 * S, 4, 100)).as("within 180 s of the last removal").isEqualTo(4);
        assertThat(hpa.desired(782 * S, 4, 100)).as("a new period: one more").isEqualTo(3);
        assertThat(hpa.desired(963 * S, 3, 100)).isEqualTo(2);
        assertThat(hpa.desired(1200 * S, 2, 0)).as("never below minReplicas").isEqualTo(2);
    }

    @Test
    void aBriefDipDoesNotScaleDownWhileAHigherRecommendationIsInTheWindow() {
        HpaAlgorithm hpa = new HpaAlgorithm(POLICY);
        hpa.desired(0, 4, 600);
        assertThat(hpa.desired(590 * S, 4, 300)).isEqualTo(4);
        assertThat(hpa.desired(605 * S, 4, 600)).isEqualTo(4);
        assertThat(hpa.desired(700 * S, 4, 300)).as("the 590 s dip recommended 2, but 605 s recommended 4").isEqualTo(4);
    }

    @Test
    void theScaledPolicyDividesEveryTime() {
        HpaPolicy fast = HpaPolicy.MANIFEST.scaled(5, 600, 2, 6);
        assertThat(fast.syncPeriod()).isEqualTo(Duration.ofSeconds(3));
        assertThat(fast.scaleDownStabilization()).isEqualTo(Duration.ofSeconds(120));
        assertThat(fast.scaleDownPeriod()).isEqualTo(Duration.ofSeconds(36));
        assertThat(fast.scaleUpPeriod()).isEqualTo(Duration.ofSeconds(6));
    }
}
