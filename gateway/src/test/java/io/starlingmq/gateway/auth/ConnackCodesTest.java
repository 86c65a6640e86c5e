package io.starlingmq.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.starlingmq.gateway.auth.AuthDecision.Refusal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnackCodesTest {

    private static final AuthDecision ALLOW = AuthDecision.allow(List.of(), false, null);
    private static final AuthDecision BAD_CREDENTIALS = AuthDecision.deny(Refusal.BAD_CREDENTIALS, "wrong");
    private static final AuthDecision NOT_AUTHORIZED = AuthDecision.deny(Refusal.NOT_AUTHORIZED, "unknown");
    private static final AuthDecision BAD_METHOD = AuthDecision.deny(Refusal.BAD_AUTHENTICATION_METHOD, "SCRAM");
    private static final AuthDecision UNAVAILABLE = AuthDecision.unavailable("down");
    private static final AuthDecision BUSY = AuthDecision.busy();

    @Test
    void mqtt5GetsItsSpecificReasonCodes() {
        assertThat(ConnackCodes.mqtt5(ALLOW)).isEqualTo(0x00);
        assertThat(ConnackCodes.mqtt5(BAD_CREDENTIALS)).isEqualTo(0x86);
        assertThat(ConnackCodes.mqtt5(NOT_AUTHORIZED)).isEqualTo(0x87);
        assertThat(ConnackCodes.mqtt5(BAD_METHOD)).isEqualTo(0x8C);
        assertThat(ConnackCodes.mqtt5(UNAVAILABLE)).isEqualTo(0x88);
        assertThat(ConnackCodes.mqtt5(BUSY)).isEqualTo(0x89);
    }

    @Test
    void mqtt311GetsTheReturnCodesItHasAndServerUnavailableForTheRest() {
        assertThat(ConnackCodes.mqtt311(ALLOW)).isEqualTo(0x00);
        assertThat(ConnackCodes.mqtt311(BAD_CREDENTIALS)).isEqualTo(0x04);
        assertThat(ConnackCodes.mqtt311(NOT_AUTHORIZED)).isEqualTo(0x05);
        assertThat(ConnackCodes.mqtt311(BAD_METHOD)).isEqualTo(0x03);
        assertThat(ConnackCodes.mqtt311(UNAVAILABLE)).isEqualTo(0x03);
        assertThat(ConnackCodes.mqtt311(BUSY)).isEqualTo(0x03);
    }

    @Test
    void protocolLevelChoosesTheTable() {
        assertThat(ConnackCodes.forProtocol(BUSY, 5)).isEqualTo(0x89);
        assertThat(ConnackCodes.forProtocol(BUSY, 4)).isEqualTo(0x03);
        assertThat(ConnackCodes.forProtocol(NOT_AUTHORIZED, 3)).isEqualTo(0x05);
    }

    @Test
    void refusedSubscriptionAndExpiryCodes() {
        assertThat(AccessReasonCodes.refusedSubscription(true)).isEqualTo(0x87);
        assertThat(AccessReasonCodes.refusedSubscription(false)).isEqualTo(0x80);
        assertThat(AccessReasonCodes.MAXIMUM_CONNECT_TIME).isEqualTo(0xA0);
    }
}
