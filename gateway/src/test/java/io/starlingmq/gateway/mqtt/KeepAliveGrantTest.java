package io.starlingmq.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeepAliveGrantTest {

    @Test
    void aMqtt5KeepAliveAboveTheMaximumIsLoweredAndAnnounced() {
        assertThat(KeepAliveGrant.of(600, 60, true)).isEqualTo(new KeepAliveGrant(60, true));
        assertThat(KeepAliveGrant.of(600, 60, true).serverKeepAlive()).isEqualTo(60);
    }

    @Test
    void aMqtt5KeepAliveOfZeroGetsTheMaximumWhenOneIsSet() {
        assertThat(KeepAliveGrant.of(0, 60, true)).isEqualTo(new KeepAliveGrant(60, true));
    }

    @Test
    void aKeepAliveWithinTheMaximumIsKeptAndNotAnnounced() {
        assertThat(KeepAliveGrant.of(30, 60, true)).isEqualTo(new KeepAliveGrant(30, false));
        assertThat(KeepAliveGrant.of(30, 60, true).serverKeepAlive()).isEqualTo(-1);
    }

    @Test
    void withoutAMaximumOrForMqtt311TheClientKeepsItsOwn() {
        assertThat(KeepAliveGrant.of(600, 0, true)).isEqualTo(new KeepAliveGrant(600, false));
        assertThat(KeepAliveGrant.of(600, 60, false)).isEqualTo(new KeepAliveGrant(600, false));
        assertThat(KeepAliveGrant.of(0, 60, false)).isEqualTo(new KeepAliveGrant(0, false));
    }
}
