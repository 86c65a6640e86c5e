package io.starlingmq.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.starlingmq.contract.link.v1.Deliver;
import org.junit.jupiter.api.Test;

class OutboundWindowTest {

    @Test
    void assignsDistinctIdsUpToCapacityAndSkipsIdsUsedElsewhere() {
        OutboundWindow window = new OutboundWindow(2, 5);
        int first = window.assign(id -> id == 1);
        int second = window.assign(id -> false);
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
            last = window.assign(id -> false);
            assertThat(last).isBetween(1, 65_535);
            window.release(last);
        }
        assertThat(last).isEqualTo(1);
    }

    @Test
    void aQos2DeliveryKeepsItsSlotFromPubrecUntilPubcomp() {
        OutboundWindow window = new OutboundWindow(1, 0);
        int id = window.assign(other -> false);

        assertThat(window.received(id)).isTrue();
        assertThat(window.hasRoom()).isFalse();
        assertThat(window.release(id)).isTrue();
        assertThat(window.hasRoom()).isTrue();
        assertThat(window.received(id)).as("no longer ours").isFalse();
    }
}
