package io.starlingmq.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class PayloadTest {

    @Test
    void encodedFieldsReadBackAtTheRequestedSize() {
        byte[] bytes = Payload.encode(7, 123_456_789_012L, 42L, 256);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        assertThat(bytes).hasSize(256);
        assertThat(Payload.publisher(buffer)).isEqualTo(7);
        assertThat(Payload.sequence(buffer)).isEqualTo(123_456_789_012L);
        assertThat(Payload.sentNanos(buffer)).isEqualTo(42L);
    }

    @Test
    void payloadSmallerThanItsHeaderIsRefused() {
        assertThatThrownBy(() -> Payload.encode(0, 0, 0, Payload.HEADER_BYTES - 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
