package io.starlingmq.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

class CloseReasonTest {

    @Test
    void disconnectCodesMapToTheReasonsTheRouterKnows() {
        assertThat(CloseReason.forDisconnectCode(0x8E)).isEqualTo("takenover");
        assertThat(CloseReason.forDisconnectCode(0x8D)).isEqualTo("keepalive_timeout");
        assertThat(CloseReason.forDisconnectCode(0xA0)).isEqualTo("credential_expired");
        assertThat(CloseReason.forDisconnectCode(0x8B)).isEqualTo("gateway_shutdown");
        assertThat(CloseReason.forDisconnectCode(0x9C)).isEqualTo("gateway_shutdown");
        assertThat(CloseReason.forDisconnectCode(0x89)).isEqualTo("closed");
        assertThat(CloseReason.forDisconnectCode(0x81)).isEqualTo("protocol_error");
        assertThat(CloseReason.forDisconnectCode(0x94)).isEqualTo("protocol_error");
    }

    @Test
    void theFirstRecordedCauseWinsAndNoneMeansClosed() {
        EmbeddedChannel channel = new EmbeddedChannel();
        assertThat(CloseReason.of(channel)).isEqualTo("closed");
        CloseReason.record(channel, CloseReason.PROTOCOL_ERROR);
        CloseReason.record(channel, CloseReason.NORMAL);
        assertThat(CloseReason.of(channel)).isEqualTo("protocol_error");
        channel.finishAndReleaseAll();
    }
}
