package io.starlingmq.contract.reason;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnackReasonTest {

    /** MQTT 5.0 §3.2.2.2. */
    private static final Map<String, Integer> SPEC = Map.ofEntries(
            Map.entry("SUCCESS", 0x00),
            Map.entry("UNSPECIFIED_ERROR", 0x80),
            Map.entry("MALFORMED_PACKET", 0x81),
            Map.entry("PROTOCOL_ERROR", 0x82),
            Map.entry("IMPLEMENTATION_SPECIFIC_ERROR", 0x83),
            Map.entry("UNSUPPORTED_PROTOCOL_VERSION", 0x84),
            Map.entry("CLIENT_IDENTIFIER_NOT_VALID", 0x85),
            Map.entry("BAD_USER_NAME_OR_PASSWORD", 0x86),
            Map.entry("NOT_AUTHORIZED", 0x87),
            Map.entry("SERVER_UNAVAILABLE", 0x88),
            Map.entry("SERVER_BUSY", 0x89),
            Map.entry("BANNED", 0x8A),
            Map.entry("BAD_AUTHENTICATION_METHOD", 0x8C),
            Map.entry("TOPIC_NAME_INVALID", 0x90),
            Map.entry("PACKET_TOO_LARGE", 0x95),
            Map.entry("QUOTA_EXCEEDED", 0x97),
            Map.entry("PAYLOAD_FORMAT_INVALID", 0x99),
            Map.entry("RETAIN_NOT_SUPPORTED", 0x9A),
            Map.entry("QOS_NOT_SUPPORTED", 0x9B),
            Map.entry("USE_ANOTHER_SERVER", 0x9C),
            Map.entry("SERVER_MOVED", 0x9D),
            Map.entry("CONNECTION_RATE_EXCEEDED", 0x9F));

    @Test
    void codesAreTheSpecsAndRoundTrip() {
        SpecTable.matches(ConnackReason.class, SPEC, ConnackReason::fromCode);
    }

    @Test
    void codesOutsideTheTableAreRefused() {
        SpecTable.refusesOthers(SPEC, ConnackReason::fromCode);
        assertThat(ConnackReason.fromCode(0x8E)).isEmpty();
    }

    @Test
    void refusalsCarryTheGatewaysReasonStrings() {
        assertThat(ConnackReason.SUCCESS.reasonString()).isEmpty();
        assertThat(ConnackReason.BAD_USER_NAME_OR_PASSWORD.reasonString()).contains("bad user name or password");
        assertThat(ConnackReason.SERVER_UNAVAILABLE.reasonString()).contains("server unavailable");
        assertThat(ConnackReason.BAD_AUTHENTICATION_METHOD.reasonString()).contains("bad authentication method");
        assertThat(ConnackReason.BANNED.reasonString()).isEmpty();
    }
}
