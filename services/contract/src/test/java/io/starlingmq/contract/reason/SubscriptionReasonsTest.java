package io.starlingmq.contract.reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** SUBACK and UNSUBACK. */
class SubscriptionReasonsTest {

    /** MQTT 5.0 §3.9.3. */
    private static final Map<String, Integer> SUBACK = Map.ofEntries(
            Map.entry("GRANTED_QOS_0", 0x00),
            Map.entry("GRANTED_QOS_1", 0x01),
            Map.entry("GRANTED_QOS_2", 0x02),
            Map.entry("UNSPECIFIED_ERROR", 0x80),
            Map.entry("IMPLEMENTATION_SPECIFIC_ERROR", 0x83),
            Map.entry("NOT_AUTHORIZED", 0x87),
            Map.entry("TOPIC_FILTER_INVALID", 0x8F),
            Map.entry("PACKET_IDENTIFIER_IN_USE", 0x91),
            Map.entry("QUOTA_EXCEEDED", 0x97),
            Map.entry("SHARED_SUBSCRIPTIONS_NOT_SUPPORTED", 0x9E),
            Map.entry("SUBSCRIPTION_IDENTIFIERS_NOT_SUPPORTED", 0xA1),
            Map.entry("WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED", 0xA2));
    /** MQTT 5.0 §3.11.3. */
    private static final Map<String, Integer> UNSUBACK = Map.of(
            "SUCCESS", 0x00,
            "NO_SUBSCRIPTION_EXISTED", 0x11,
            "UNSPECIFIED_ERROR", 0x80,
            "IMPLEMENTATION_SPECIFIC_ERROR", 0x83,
            "NOT_AUTHORIZED", 0x87,
            "TOPIC_FILTER_INVALID", 0x8F,
            "PACKET_IDENTIFIER_IN_USE", 0x91);

    @Test
    void subackCodesAreTheSpecs() {
        SpecTable.matches(SubackReason.class, SUBACK, SubackReason::fromCode);
        SpecTable.refusesOthers(SUBACK, SubackReason::fromCode);
    }

    @Test
    void unsubackCodesAreTheSpecs() {
        SpecTable.matches(UnsubackReason.class, UNSUBACK, UnsubackReason::fromCode);
        SpecTable.refusesOthers(UNSUBACK, UnsubackReason::fromCode);
    }

    @Test
    void aGrantedQosIsItsOwnCode() {
        assertThat(SubackReason.granted(0).code()).isEqualTo(0x00);
        assertThat(SubackReason.granted(1).code()).isEqualTo(0x01);
        assertThat(SubackReason.granted(2).code()).isEqualTo(0x02);
        assertThatThrownBy(() -> SubackReason.granted(3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusalsCarryTheGatewaysReasonStrings() {
        assertThat(SubackReason.TOPIC_FILTER_INVALID.reasonString()).contains("topic filter invalid");
        assertThat(SubackReason.SHARED_SUBSCRIPTIONS_NOT_SUPPORTED.reasonString())
                .contains("shared subscriptions not supported");
        assertThat(UnsubackReason.NOT_AUTHORIZED.reasonString()).contains("not authorized");
        assertThat(SubackReason.WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED.reasonString()).isEmpty();
    }
}
