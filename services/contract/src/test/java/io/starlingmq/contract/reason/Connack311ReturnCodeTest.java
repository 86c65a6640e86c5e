package io.starlingmq.contract.reason;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class Connack311ReturnCodeTest {

    /** MQTT 3.1.1 §3.2.2.3. */
    private static final Map<String, Integer> SPEC = Map.of(
            "ACCEPTED", 0x00,
            "UNACCEPTABLE_PROTOCOL_VERSION", 0x01,
            "IDENTIFIER_REJECTED", 0x02,
            "SERVER_UNAVAILABLE", 0x03,
            "BAD_USER_NAME_OR_PASSWORD", 0x04,
            "NOT_AUTHORIZED", 0x05);

    @Test
    void codesAreTheSpecsAndRoundTrip() {
        assertThat(Arrays.stream(Connack311ReturnCode.values())
                .collect(Collectors.toMap(Enum::name, Connack311ReturnCode::code))).isEqualTo(SPEC);
        for (Connack311ReturnCode value : Connack311ReturnCode.values()) {
            assertThat(Connack311ReturnCode.fromCode(value.code())).contains(value);
        }
        assertThat(Connack311ReturnCode.ACCEPTED.isError()).isFalse();
        assertThat(Connack311ReturnCode.NOT_AUTHORIZED.isError()).isTrue();
    }

    @Test
    void codesOutsideTheTableAreRefused() {
        for (int code = 6; code <= 0xFF; code++) {
            assertThat(Connack311ReturnCode.fromCode(code)).isEmpty();
        }
        assertThat(Connack311ReturnCode.fromCode(-1)).isEmpty();
    }

    @Test
    void mqtt5RefusalsWithA311CounterpartKeepTheirMeaning() {
        assertThat(Connack311ReturnCode.of(ConnackReason.SUCCESS)).contains(Connack311ReturnCode.ACCEPTED);
        assertThat(Connack311ReturnCode.of(ConnackReason.UNSUPPORTED_PROTOCOL_VERSION))
                .contains(Connack311ReturnCode.UNACCEPTABLE_PROTOCOL_VERSION);
        assertThat(Connack311ReturnCode.of(ConnackReason.CLIENT_IDENTIFIER_NOT_VALID))
                .contains(Connack311ReturnCode.IDENTIFIER_REJECTED);
        assertThat(Connack311ReturnCode.of(ConnackReason.BAD_USER_NAME_OR_PASSWORD))
                .contains(Connack311ReturnCode.BAD_USER_NAME_OR_PASSWORD);
        assertThat(Connack311ReturnCode.of(ConnackReason.NOT_AUTHORIZED)).contains(Connack311ReturnCode.NOT_AUTHORIZED);
    }

    @Test
    void aBannedClientIsNotAuthorized() {
        assertThat(Connack311ReturnCode.of(ConnackReason.BANNED)).contains(Connack311ReturnCode.NOT_AUTHORIZED);
    }

    @Test
    void malformedOrOutOfProtocolConnectsGetNoConnack() {
        assertThat(Connack311ReturnCode.of(ConnackReason.MALFORMED_PACKET)).isEmpty();
        assertThat(Connack311ReturnCode.of(ConnackReason.PROTOCOL_ERROR)).isEmpty();
        assertThat(Connack311ReturnCode.of(ConnackReason.TOPIC_NAME_INVALID)).isEmpty();
    }

    @Test
    void everyOtherRefusalIsServerUnavailable() {
        for (ConnackReason reason : new ConnackReason[] {ConnackReason.UNSPECIFIED_ERROR,
                ConnackReason.SERVER_UNAVAILABLE, ConnackReason.SERVER_BUSY, ConnackReason.BAD_AUTHENTICATION_METHOD,
                ConnackReason.QUOTA_EXCEEDED}) {
            assertThat(Connack311ReturnCode.of(reason)).as(reason.name()).contains(Connack311ReturnCode.SERVER_UNAVAILABLE);
        }
    }
}
