package io.starlingmq.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.starlingmq.contract.reason.ConnackReason;
import io.starlingmq.contract.reason.DisconnectReason;
import org.junit.jupiter.api.Test;

class CloseReasonTest {

    @Test
    void disconnectCodesMapToTheReasonsTheRouterKnows() {
        assertThat(CloseReason.forDisconnect(DisconnectReason.SESSION_TAKEN_OVER)).isEqualTo("takenover");
        assertThat(CloseReason.forDisconnect(DisconnectReason.KEEP_ALIVE_TIMEOUT)).isEqualTo("keepalive_timeout");
        assertThat(CloseReason.forDisconnect(DisconnectReason.MAXIMUM_CONNECT_TIME)).isEqualTo("credential_expired");
        assertThat(CloseReason.forDisconnect(DisconnectReason.SERVER_SHUTTING_DOWN)).isEqualTo("gateway_shutdown");
        assertThat(CloseReason.forDisconnect(DisconnectReason.USE_ANOTHER_SERVER)).isEqualTo("gateway_shutdown");
        assertThat(CloseReason.forDisconnect(DisconnectReason.SERVER_BUSY)).isEqualTo("closed");
        assertThat(CloseReason.forDisconnect(DisconnectReason.MALFORMED_PACKET)).isEqualTo("protocol_error");
        assertThat(CloseReason.forDisconnect(DisconnectReason.TOPIC_ALIAS_INVALID)).isEqualTo("protocol_error");
    }

    @Test
    void connackRefusalsMapToTheReasonsTheRouterKnows() {
        assertThat(CloseReason.forConnack(ConnackReason.SERVER_UNAVAILABLE)).isEqualTo("closed");
        assertThat(CloseReason.forConnack(ConnackReason.SERVER_BUSY)).isEqualTo("closed");
        assertThat(CloseReason.forConnack(ConnackReason.UNSPECIFIED_ERROR)).isEqualTo("closed");
        assertThat(CloseReason.forConnack(ConnackReason.BAD_USER_NAME_OR_PASSWORD)).isEqualTo("protocol_error");
        assertThat(CloseReason.forConnack(ConnackReason.MALFORMED_PACKET)).isEqualTo("protocol_error");
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
