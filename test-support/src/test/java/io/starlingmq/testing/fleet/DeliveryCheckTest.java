package io.starlingmq.testing.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The delivery check alone, on made-up records: each verdict can fail, and what is allowed passes. */
class DeliveryCheckTest {

    private static final DeliveryCheck.Publisher QOS1 = new DeliveryCheck.Publisher("p1", 0, 1, Set.of(0L, 1L, 2L, 3L));
    private static final DeliveryCheck.Publisher QOS2 = new DeliveryCheck.Publisher("p2", 0, 2, Set.of(0L, 1L, 2L));
    private static final DeliveryCheck.Publisher OTHER_GROUP = new DeliveryCheck.Publisher("p3", 1, 1, Set.of(0L));

    @Test
    void everyAcknowledgedMessageOnceInOrderPasses() {
        DeliveryCheck.Result result = check(true, receipts("p1", 1, 0, 1, 2, 3), receipts("p2", 2, 0, 1, 2));

        assertThat(result.passed()).isTrue();
        assertThat(result.acknowledged()).isEqualTo(7);
        assertThat(result.delivered()).isEqualTo(7);
    }

    @Test
    void anAcknowledgedMessageMissingAtAPersistentSubscriberIsLost() {
        DeliveryCheck.Result result = check(true, receipts("p1", 1, 0, 1, 3), receipts("p2", 2, 0, 1, 2));

        assertThat(result.lost()).singleElement().asString().contains("sub <- p1", "1 of 4", "[2]");
    }

    @Test
    void aCleanSubscriberIsNotJudgedForLossButForOrderAndDuplicates() {
        assertThat(check(false, receipts("p1", 1, 0, 3)).passed()).isTrue();
        assertThat(check(false, receipts("p1", 1, 3, 0)).outOfOrder()).hasSize(1);
        assertThat(check(false, receipts("p2", 2, 0, 0)).qos2Duplicates()).hasSize(1);
    }

    @Test
    void aMessageNeverAcknowledgedMayArriveOrNot() {
        DeliveryCheck.Result result = check(true, receipts("p1", 1, 0, 1, 2, 3, 4), receipts("p2", 2, 0, 1, 2));

        assertThat(result.passed()).isTrue();
    }

    @Test
    void aQos2MessageTwiceIsADuplicateEvenInOrder() {
        DeliveryCheck.Result result = check(true, receipts("p1", 1, 0, 1, 2, 3), receipts("p2", 2, 0, 1, 1, 2));

        assertThat(result.qos2Duplicates()).singleElement().asString().contains("sub <- p2", "[1]");
        assertThat(result.outOfOrder()).isEmpty();
    }

    @Test
    void aQos1RedeliveryRepeatsAnEarlierNumberAndIsAllowed() {
        // 2 and 3 were delivered, the connection ended before their PUBACKs, both came again with DUP.
        DeliveryCheck.Result result = check(true, receipts("p1", 1, 0, 1, 2, 3, 2, 3), receipts("p2", 2, 0, 1, 2));

        assertThat(result.passed()).isTrue();
        assertThat(result.repeats()).isEqualTo(2);
    }

    @Test
    void aNumberArrivingFirstAfterAHigherOneIsOutOfOrder() {
        DeliveryCheck.Result result = check(true, receipts("p1", 1, 0, 2, 1, 3), receipts("p2", 2, 0, 1, 2));

        assertThat(result.outOfOrder()).singleElement().asString().contains("sub <- p1", "1 after 2");
        assertThat(result.lost()).isEmpty();
    }

    @Test
    void publishersOfOtherGroupsAreNotExpected() {
        List<Receipt> mine = new ArrayList<>(receipts("p1", 1, 0, 1, 2, 3));
        mine.addAll(receipts("p2", 2, 0, 1, 2));
        DeliveryCheck.Result result = DeliveryCheck.check(List.of(QOS1, QOS2, OTHER_GROUP),
                List.of(new DeliveryCheck.Subscriber("sub", 0, true, mine)));

        assertThat(result.passed()).isTrue();
    }

    @SafeVarargs
    private static DeliveryCheck.Result check(boolean persistent, List<Receipt>... perPublisher) {
        List<Receipt> all = new ArrayList<>();
        for (List<Receipt> receipts : perPublisher) {
            all.addAll(receipts);
        }
        List<DeliveryCheck.Publisher> publishers = persistent ? List.of(QOS1, QOS2)
                : List.of(QOS1, QOS2).stream().filter(p -> all.stream().anyMatch(r -> r.publisher().equals(p.id()))).toList();
        return DeliveryCheck.check(publishers, List.of(new DeliveryCheck.Subscriber("sub", 0, persistent, all)));
    }

    private static List<Receipt> receipts(String publisher, int qos, long... sequence) {
        return LongStream.of(sequence).mapToObj(n -> new Receipt(publisher, n, qos)).toList();
    }
}
