package io.starlingmq.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AckLedgerTest {

    @Test
    void countsOnlyTheAcknowledgedMessagesThatArrived() {
        StreamLedger ledger = new StreamLedger(2, List.<int[]>of(new int[] {0, 1}));
        AckLedger acks = new AckLedger(2);
        for (int i = 0; i < 5; i++) {
            ledger.nextSequence(0);
        }
        // Publisher 0: 0..3 acknowledged, 4 never answered; 1 and 3 arrive, and 4 (unacknowledged) too.
        for (long s = 0; s < 4; s++) {
            acks.acknowledged(0, s);
        }
        ledger.received(0, 0, 1);
        ledger.received(0, 0, 3);
        ledger.received(0, 0, 3);
        ledger.received(0, 0, 4);

        assertThat(acks.total()).isEqualTo(4);
        assertThat(ledger.receivedAmong(0, 0, acks.of(0))).isEqualTo(2);
        assertThat(ledger.receivedUnique()).isEqualTo(3);
        assertThat(ledger.receivedAmong(0, 1, acks.of(1))).isZero();
    }

    @Test
    void aCopyDoesNotChangeWithLaterAcks() {
        AckLedger acks = new AckLedger(1);
        acks.acknowledged(0, 2);
        var copy = acks.of(0);
        acks.acknowledged(0, 3);

        assertThat(copy.cardinality()).isEqualTo(1);
        assertThat(acks.total()).isEqualTo(2);
    }
}
