package io.starlingmq.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceTrackerTest {

    @Test
    void inOrderStreamHasNoLossDuplicateOrReorder() {
        SequenceTracker t = new SequenceTracker();
        for (long s = 0; s < 100; s++) {
            t.record(s);
        }
        assertThat(t.lost(100)).isZero();
        assertThat(t.duplicates()).isZero();
        assertThat(t.outOfOrder()).isZero();
        assertThat(t.received()).isEqualTo(100);
    }

    @Test
    void gapsCountAsLostIncludingMissingTail() {
        SequenceTracker t = new SequenceTracker();
        t.record(0);
        t.record(2);
        t.record(3);
        assertThat(t.lost(6)).isEqualTo(3); // 1, 4 and 5
    }

    @Test
    void repeatedSequenceCountsAsDuplicateNotAsReceivedTwice() {
        SequenceTracker t = new SequenceTracker();
        t.record(0);
        t.record(1);
        t.record(1);
        assertThat(t.duplicates()).isEqualTo(1);
        assertThat(t.unique()).isEqualTo(2);
        assertThat(t.lost(2)).isZero();
    }

    @Test
    void lateArrivalCountsAsOutOfOrderAndFillsTheGap() {
        SequenceTracker t = new SequenceTracker();
        t.record(0);
        t.record(2);
        t.record(1);
        assertThat(t.outOfOrder()).isEqualTo(1);
        assertThat(t.lost(3)).isZero();
    }

    @Test
    void duplicateOfAnOldMessageIsNotAlsoOutOfOrder() {
        SequenceTracker t = new SequenceTracker();
        t.record(0);
        t.record(1);
        t.record(0);
        assertThat(t.duplicates()).isEqualTo(1);
        assertThat(t.outOfOrder()).isZero();
    }
}
