package io.starlingmq.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PacketIdsTest {

    @Test
    void nextWrapsFromMaximumToOneNeverZero() {
        assertThat(PacketIds.next(1)).isEqualTo(2);
        assertThat(PacketIds.next(65534)).isEqualTo(65535);
        assertThat(PacketIds.next(65535)).isEqualTo(1);
    }
}
