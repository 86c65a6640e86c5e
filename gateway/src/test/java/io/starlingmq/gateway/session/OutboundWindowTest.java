package io.starlingmq.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.starlingmq.contract.link.v1.Deliver;
import org.junit.jupiter.api.Test;

class OutboundWindowTest {

    @Test
    void assignsDistinctIdsUpToCapacityAndSkipsIdsUsedElsewhere() {
        OutboundWindow window = new OutboundWindow(2, 5);
        int first = window.assign(id -> id == 1, Deliver.getDefaultInstance());
        int second = window.assign(id -> false, Deliver.getDefaultInstance());
        assertThat(first).isEqualTo(2);
        assertThat(second).isEqualTo(3);
        assertThat(window.hasRoom()).isFalse();
        assertThat(window.release(first)).isTrue();
        assertThat(window.hasRoom()).isTrue();
        assertThat(window.release(first)).isFalse();
    }

    @Test
    void dropsDeliveriesPastTheQueueBound() {
        OutboundWindow window = new OutboundWindow(1, 2);
        assertThat(window.enqueue(Deliver.getDefaultInstance())).isTrue();
        assertThat(window.enqueue(Deliver.getDefaultInstance())).isTrue();
        assertThat(window.enqueue(Deliver.getDefaultInstance())).isFalse();
        assertThat(window.queuedCount()).isEqualTo(2);
    }

    @Test
    void packetIdsWrapAroundSkippingZero() {
        OutboundWindow window = new OutboundWindow(1, 0);
        int last = 0;
        for (int i = 0; i < 65_536; i++) {
            last = window.assign(id -> false, Deliver.getDefaultInstance());
            assertThat(last).isBetween(1, 65_535);
            window.release(last);
        }
        assertThat(last).isEqualTo(1);
    }

    @Test
    void aQos2DeliveryKeepsItsSlotFromPubrecUntilPubcomp() {
        OutboundWindow window = new OutboundWindow(1, 0);
        int id = window.assign(other -> false, Deliver.getDefaultInstance());

        assertThat(window.received(id)).isTrue();
        assertThat(window.hasRoom()).isFalse();
        assertThat(window.release(id)).isTrue();
        assertThat(window.hasRoom()).isTrue();
        assertThat(window.received(id)).as("no longer ours").isFalse();
    }

    @Test
    void sharedDeliveriesNotYetAcknowledgedOrStillQueuedAreReturned() {
        OutboundWindow window = new OutboundWindow(4, 5);
        Deliver sharedQos1 = shared("a", 1);
        Deliver sharedQos2Received = shared("b", 2);
        Deliver sharedAcked = shared("c", 1);
        int first = window.assign(id -> false, sharedQos1);
        int second = window.assign(id -> false, sharedQos2Received);
        int third = window.assign(id -> false, sharedAcked);
        window.assign(id -> false, Deliver.getDefaultInstance());
        Deliver sharedQueued = shared("d", 1);
        window.enqueue(sharedQueued);
        window.enqueue(Deliver.newBuilder().setQos(1).build());

        window.received(second);
        window.release(third);

        assertThat(window.unacknowledgedShared()).containsExactlyInAnyOrder(sharedQos1, sharedQueued);
        assertThat(first).isPositive();
    }

    private static Deliver shared(String topic, int qos) {
        return Deliver.newBuilder().setQos(qos).setSharedSubscription("$share/g/" + topic)
                .setMessage(io.starlingmq.contract.link.v1.Message.newBuilder().setTopic(topic)).build();
    }
}
