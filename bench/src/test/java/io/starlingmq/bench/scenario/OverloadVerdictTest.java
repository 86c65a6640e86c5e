package io.starlingmq.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.starlingmq.bench.counters.DropCounters;
import org.junit.jupiter.api.Test;

class OverloadVerdictTest {

    @Test
    void booksBalanceWhenEveryMissingMessageIsACountedDrop() {
        // 10,000 acknowledged, 7,000 delivered: 2,500 dropped by the gateway's queue, 500 by the store's.
        OverloadVerdict v = new OverloadVerdict(10_000, 7_000, new DropCounters(2_500, 500, 0));

        assertThat(v.missing()).isEqualTo(3_000);
        assertThat(v.unaccounted()).isZero();
        assertThat(v.accountedFor()).isTrue();
        assertThat(v.gaps()).isEmpty();
    }

    @Test
    void aMissingMessageWithoutACountIsALoss() {
        OverloadVerdict v = new OverloadVerdict(10_000, 7_000, new DropCounters(2_990, 0, 0));

        assertThat(v.unaccounted()).isEqualTo(10);
        assertThat(v.accountedFor()).isFalse();
        assertThat(v.gaps()).containsExactly("10 acknowledged messages lost without a count");
    }

    @Test
    void dropsCountedBeyondTheMissingMessagesAreAGapToo() {
        OverloadVerdict v = new OverloadVerdict(100, 90, new DropCounters(12, 0, 0));

        assertThat(v.unaccounted()).isEqualTo(-2);
        assertThat(v.accountedFor()).isFalse();
        assertThat(v.gaps()).containsExactly("2 drops counted beyond the messages missing");
    }

    @Test
    void aDroppedLinkEventBreaksTheBooksEvenWhenTheCountsMatch() {
        OverloadVerdict v = new OverloadVerdict(100, 100, new DropCounters(0, 0, 3));

        assertThat(v.unaccounted()).isZero();
        assertThat(v.accountedFor()).isFalse();
        assertThat(v.gaps()).containsExactly("3 gateway-to-router link events dropped");
    }

    @Test
    void withoutCountersMissingMessagesAreReportedAsTheBrokersDropsNotJudged() {
        OverloadVerdict v = new OverloadVerdict(5_000, 4_000, null);

        assertThat(v.hasCounters()).isFalse();
        assertThat(v.missing()).isEqualTo(1_000);
        assertThat(v.unaccounted()).isNaN();
        assertThat(v.accountedFor()).isFalse();
        assertThat(v.gaps()).singleElement().asString().startsWith("1000 acknowledged messages missing; the broker exports no drop counter");
    }

    @Test
    void counterRiseIsTheDifferenceOfTwoReadings() {
        DropCounters rise = new DropCounters(1_200, 40, 2).since(new DropCounters(200, 10, 2));

        assertThat(rise).isEqualTo(new DropCounters(1_000, 30, 0));
        assertThat(rise.messages()).isEqualTo(1_030);
    }

    @Test
    void moreDeliveredThanAcknowledgedIsRejected() {
        assertThatThrownBy(() -> new OverloadVerdict(10, 11, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRiseByReasonCountsReasonsFirstSeenAfterTheFirstReading() {
        DropCounters before = new DropCounters(10, 0, 0, java.util.Map.of("queue-full", 10.0));
        DropCounters after = new DropCounters(25, 0, 0, java.util.Map.of("queue-full", 12.0, "window", 13.0));
        assertThat(after.since(before).gatewayDeliveriesByReason())
                .isEqualTo(java.util.Map.of("queue-full", 2.0, "window", 13.0));
        assertThat(after.since(before).gatewayDeliveries()).isEqualTo(15);
    }
}
