package io.starlingmq.contract.reason;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** PUBACK, PUBREC, PUBREL and PUBCOMP. */
class PublishReasonsTest {

    /** MQTT 5.0 §3.4.2.1 (PUBACK) and §3.5.2.1 (PUBREC) list the same codes. */
    private static final Map<String, Integer> PUBACK_AND_PUBREC = Map.of(
            "SUCCESS", 0x00,
            "NO_MATCHING_SUBSCRIBERS", 0x10,
            "UNSPECIFIED_ERROR", 0x80,
            "IMPLEMENTATION_SPECIFIC_ERROR", 0x83,
            "NOT_AUTHORIZED", 0x87,
            "TOPIC_NAME_INVALID", 0x90,
            "PACKET_IDENTIFIER_IN_USE", 0x91,
            "QUOTA_EXCEEDED", 0x97,
            "PAYLOAD_FORMAT_INVALID", 0x99);
    /** MQTT 5.0 §3.6.2.1 (PUBREL) and §3.7.2.1 (PUBCOMP). */
    private static final Map<String, Integer> PUBREL_AND_PUBCOMP = Map.of(
            "SUCCESS", 0x00,
            "PACKET_IDENTIFIER_NOT_FOUND", 0x92);

    @Test
    void pubackCodesAreTheSpecs() {
        SpecTable.matches(PubackReason.class, PUBACK_AND_PUBREC, PubackReason::fromCode);
        SpecTable.refusesOthers(PUBACK_AND_PUBREC, PubackReason::fromCode);
    }

    @Test
    void pubrecCodesAreTheSpecs() {
        SpecTable.matches(PubrecReason.class, PUBACK_AND_PUBREC, PubrecReason::fromCode);
        SpecTable.refusesOthers(PUBACK_AND_PUBREC, PubrecReason::fromCode);
    }

    @Test
    void pubrelCodesAreTheSpecs() {
        SpecTable.matches(PubrelReason.class, PUBREL_AND_PUBCOMP, PubrelReason::fromCode);
        SpecTable.refusesOthers(PUBREL_AND_PUBCOMP, PubrelReason::fromCode);
    }

    @Test
    void pubcompCodesAreTheSpecs() {
        SpecTable.matches(PubcompReason.class, PUBREL_AND_PUBCOMP, PubcompReason::fromCode);
        SpecTable.refusesOthers(PUBREL_AND_PUBCOMP, PubcompReason::fromCode);
    }

    @Test
    void refusalsCarryTheGatewaysReasonStrings() {
        assertThat(PubackReason.NOT_AUTHORIZED.reasonString()).contains("not authorized");
        assertThat(PubrecReason.PAYLOAD_FORMAT_INVALID.reasonString()).contains("payload format invalid");
        assertThat(PubrelReason.PACKET_IDENTIFIER_NOT_FOUND.reasonString()).contains("packet identifier not found");
        assertThat(PubcompReason.PACKET_IDENTIFIER_NOT_FOUND.reasonString()).contains("packet identifier not found");
        assertThat(PubackReason.NO_MATCHING_SUBSCRIBERS.reasonString()).isEmpty();
    }
}
