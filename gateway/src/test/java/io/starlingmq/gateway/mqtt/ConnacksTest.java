package io.starlingmq.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.starlingmq.contract.reason.Connack311ReturnCode;
import io.starlingmq.gateway.auth.AuthDecision;
import io.starlingmq.gateway.auth.AuthDecision.Refusal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnacksTest {

    private static final AuthDecision ALLOW = AuthDecision.allow(List.of(), false, null);
    private static final AuthDecision BAD_CREDENTIALS = AuthDecision.deny(Refusal.BAD_CREDENTIALS, "wrong");
    private static final AuthDecision NOT_AUTHORIZED = AuthDecision.deny(Refusal.NOT_AUTHORIZED, "unknown");
    private static final AuthDecision BAD_METHOD = AuthDecision.deny(Refusal.BAD_AUTHENTICATION_METHOD, "SCRAM");
    private static final AuthDecision UNAVAILABLE = AuthDecision.unavailable("down");
    private static final AuthDecision BUSY = AuthDecision.busy();

    @Test
    void mqtt5GetsItsSpecificReasonCodes() {
        assertThat(Connacks.reasonFor(ALLOW).code()).isEqualTo(0x00);
        assertThat(Connacks.reasonFor(BAD_CREDENTIALS).code()).isEqualTo(0x86);
        assertThat(Connacks.reasonFor(NOT_AUTHORIZED).code()).isEqualTo(0x87);
        assertThat(Connacks.reasonFor(BAD_METHOD).code()).isEqualTo(0x8C);
        assertThat(Connacks.reasonFor(UNAVAILABLE).code()).isEqualTo(0x88);
        assertThat(Connacks.reasonFor(BUSY).code()).isEqualTo(0x89);
    }

    @Test
    void mqtt311HasNoBusyAndNoMethodSoBothAreServerUnavailable() {
        assertThat(v311(ALLOW)).isEqualTo(0x00);
        assertThat(v311(BAD_CREDENTIALS)).isEqualTo(0x04);
        assertThat(v311(NOT_AUTHORIZED)).isEqualTo(0x05);
        assertThat(v311(BAD_METHOD)).isEqualTo(0x03);
        assertThat(v311(UNAVAILABLE)).isEqualTo(0x03);
        assertThat(v311(BUSY)).isEqualTo(0x03);
    }

    private static int v311(AuthDecision decision) {
        return Connack311ReturnCode.of(Connacks.reasonFor(decision)).orElseThrow().code();
    }
}
