package io.starlingmq.contract.reason;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthReasonTest {

    /** MQTT 5.0 §3.15.2.1. */
    private static final Map<String, Integer> SPEC = Map.of(
            "SUCCESS", 0x00,
            "CONTINUE_AUTHENTICATION", 0x18,
            "RE_AUTHENTICATE", 0x19);

    @Test
    void codesAreTheSpecs() {
        SpecTable.matches(AuthReason.class, SPEC, AuthReason::fromCode);
        SpecTable.refusesOthers(SPEC, AuthReason::fromCode);
    }
}
