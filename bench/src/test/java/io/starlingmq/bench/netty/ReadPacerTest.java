package io.starlingmq.bench.netty;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadPacerTest {

    private static final long MS = 1_000_000;

    @Test
    void aReadOfFortyMessagesAtOneThousandASecondIsFollowedByFortyMilliseconds() {
        ReadPacer pacer = new ReadPacer(1000);
        long t0 = System.nanoTime();
        pacer.pauseNanos(t0);
        pacer.read(40);
        assertThat(pacer.pauseNanos(t0)).isEqualTo(40 * MS);
    }

    @Test
    void timeAlreadySpentSinceTheLastReadCountsAgainstThePause() {
        ReadPacer pacer = new ReadPacer(1000);
        long t0 = System.nanoTime();
        pacer.pauseNanos(t0);
        pacer.read(40);
        assertThat(pacer.pauseNanos(t0 + 30 * MS)).isEqualTo(10 * MS);
    }

    @Test
    void anIdleReaderEarnsNoCreditBeyondOneRead() {
        ReadPacer pacer = new ReadPacer(1000);
        long t0 = System.nanoTime();
        pacer.pauseNanos(t0);
        pacer.read(10);
        assertThat(pacer.pauseNanos(t0 + 5_000 * MS)).isZero();
        pacer.read(40);
        assertThat(pacer.pauseNanos(t0 + 5_000 * MS)).isEqualTo(40 * MS);
    }

    @Test
    void theNextPauseStartsAfterTheScheduledOne() {
        ReadPacer pacer = new ReadPacer(100);
        long t0 = System.nanoTime();
        pacer.pauseNanos(t0);
        pacer.read(1);
        assertThat(pacer.pauseNanos(t0)).isEqualTo(10 * MS);
        pacer.read(1);
        // The next read ends at t0 + 10 ms: nothing of its 10 ms has passed yet.
        assertThat(pacer.pauseNanos(t0 + 10 * MS)).isEqualTo(10 * MS);
    }
}
