package io.starlingmq.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InboundPublishesTest {

    @Test
    void pubacksLeaveInArrivalOrderEvenWhenConfirmationsDoNot() {
        InboundPublishes inbound = new InboundPublishes(10);
        inbound.add(1, 1);
        inbound.add(2, 1);
        assertThat(inbound.done(2, 0x10)).isEmpty();
        assertThat(inbound.done(1, 0)).containsExactly(new InboundPublishes.Ack(1, 1, 0), new InboundPublishes.Ack(2, 1, 0x10));
        assertThat(inbound.size()).isZero();
    }

    @Test
    void aResentPacketIdIsNotAddedTwice() {
        InboundPublishes inbound = new InboundPublishes(10);
        assertThat(inbound.add(5, 1)).isTrue();
        assertThat(inbound.add(5, 1)).isFalse();
    }

    @Test
    void isFullAtItsBound() {
        InboundPublishes inbound = new InboundPublishes(2);
        inbound.add(1, 1);
        assertThat(inbound.full()).isFalse();
        inbound.add(2, 1);
        assertThat(inbound.full()).isTrue();
        inbound.done(1, 0);
        assertThat(inbound.full()).isFalse();
    }
}
