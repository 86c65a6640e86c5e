package io.starlingmq.contract.reason;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DisconnectReasonTest {

    /** MQTT 5.0 §3.14.2.1. */
    private static final Map<String, Integer> SPEC = Map.ofEntries(
            Map.entry("NORMAL_DISCONNECTION", 0x00),
            Map.entry("DISCONNECT_WITH_WILL_MESSAGE", 0x04),
            Map.entry("UNSPECIFIED_ERROR", 0x80),
            Map.entry("MALFORMED_PACKET", 0x81),
            Map.entry("PROTOCOL_ERROR", 0x82),
            Map.entry("IMPLEMENTATION_SPECIFIC_ERROR", 0x83),
            Map.entry("NOT_AUTHORIZED", 0x87),
            Map.entry("SERVER_BUSY", 0x89),
            Map.entry("SERVER_SHUTTING_DOWN", 0x8B),
            Map.entry("KEEP_ALIVE_TIMEOUT", 0x8D),
            Map.entry("SESSION_TAKEN_OVER", 0x8E),
            Map.entry("TOPIC_FILTER_INVALID", 0x8F),
            Map.entry("TOPIC_NAME_INVALID", 0x90),
            Map.entry("RECEIVE_MAXIMUM_EXCEEDED", 0x93),
            Map.entry("TOPIC_ALIAS_INVALID", 0x94),
            Map.entry("PACKET_TOO_LARGE", 0x95),
            Map.entry("MESSAGE_RATE_TOO_HIGH", 0x96),
            Map.entry("QUOTA_EXCEEDED", 0x97),
            Map.entry("ADMINISTRATIVE_ACTION", 0x98),
            Map.entry("PAYLOAD_FORMAT_INVALID", 0x99),
            Map.entry("RETAIN_NOT_SUPPORTED", 0x9A),
            Map.entry("QOS_NOT_SUPPORTED", 0x9B),
            Map.entry("USE_ANOTHER_SERVER", 0x9C),
            Map.entry("SERVER_MOVED", 0x9D),
            Map.entry("SHARED_SUBSCRIPTIONS_NOT_SUPPORTED", 0x9E),
            Map.entry("CONNECTION_RATE_EXCEEDED", 0x9F),
            Map.entry("MAXIMUM_CONNECT_TIME", 0xA0),
            Map.entry("SUBSCRIPTION_IDENTIFIERS_NOT_SUPPORTED", 0xA1),
            Map.entry("WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED", 0xA2));
    /** Sent on a refused re-authentication although the table above lacks it (see the enum). */
    private static final Map<String, Integer> BEYOND_SPEC = Map.of("BAD_AUTHENTICATION_METHOD", 0x8C);

    @Test
    void codesAreTheSpecsPlusTheOneTheGatewayAlwaysSent() {
        Map<String, Integer> expected = new HashMap<>(SPEC);
        expected.putAll(BEYOND_SPEC);
        SpecTable.matches(DisconnectReason.class, expected, DisconnectReason::fromCode);
        SpecTable.refusesOthers(expected, DisconnectReason::fromCode);
    }

    @Test
    void refusalsCarryTheGatewaysReasonStrings() {
        assertThat(DisconnectReason.NORMAL_DISCONNECTION.reasonString()).isEmpty();
        assertThat(DisconnectReason.SESSION_TAKEN_OVER.reasonString()).contains("session taken over");
        assertThat(DisconnectReason.KEEP_ALIVE_TIMEOUT.reasonString()).contains("keep alive timeout");
        assertThat(DisconnectReason.MAXIMUM_CONNECT_TIME.reasonString()).contains("maximum connect time");
        assertThat(DisconnectReason.RECEIVE_MAXIMUM_EXCEEDED.reasonString()).contains("receive maximum exceeded");
        assertThat(DisconnectReason.ADMINISTRATIVE_ACTION.reasonString()).isEmpty();
    }
}
