package io.starlingmq.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StreamLedgerTest {

    @Test
    void fanOutExpectsEveryMessageOncePerSubscriber() {
        StreamLedger ledger = new StreamLedger(1, List.of(new int[] {0}, new int[] {0}));
        for (int i = 0; i < 3; i++) {
            ledger.nextSequence(0);
        }
        for (long s = 0; s < 3; s++) {
            ledger.received(0, 0, s);
        }
        ledger.received(1, 0, 0);

        assertThat(ledger.sent()).isEqualTo(3);
        assertThat(ledger.expected()).isEqualTo(6);
        assertThat(ledger.received()).isEqualTo(4);
        assertThat(ledger.lost()).isEqualTo(2);
    }

    @Test
    void streamsAreAccountedSeparatelyPerPublisher() {
        StreamLedger ledger = new StreamLedger(2, List.<int[]>of(new int[] {0, 1}));
        ledger.nextSequence(0);
        ledger.nextSequence(1);
        ledger.received(0, 0, 0);
        ledger.received(0, 1, 0);
        // Same sequence number from two publishers is two messages, not a duplicate.
        assertThat(ledger.duplicates()).isZero();
        assertThat(ledger.lost()).isZero();
    }

    @Test
    void messageOfAnUnexpectedStreamIsAStrayNotADelivery() {
        StreamLedger ledger = new StreamLedger(2, List.<int[]>of(new int[] {0}));
        ledger.nextSequence(0);
        ledger.received(0, 1, 0);
        ledger.received(0, 7, 0);
        assertThat(ledger.strays()).isEqualTo(2);
        assertThat(ledger.received()).isZero();
        assertThat(ledger.lost()).isEqualTo(1);
    }
}
