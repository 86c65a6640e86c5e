package io.starlingmq.contract.reason;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/** Checks one reason-code enum against a table written out from the MQTT 5.0 specification. */
final class SpecTable {

    private SpecTable() {
    }

    /** The enum lists exactly the spec's codes under their names, each found again by its code. */
    static <R extends Enum<R> & ReasonCode> void matches(Class<R> type, Map<String, Integer> spec,
            IntFunction<Optional<R>> fromCode) {
        Map<String, Integer> actual = Arrays.stream(type.getEnumConstants())
                .collect(Collectors.toMap(Enum::name, ReasonCode::code));
        assertThat(actual).isEqualTo(spec);
        for (R value : type.getEnumConstants()) {
            assertThat(fromCode.apply(value.code())).contains(value);
            assertThat(value.isError()).isEqualTo(value.code() >= 0x80);
        }
    }

    /** Every code from 0 to 255 the spec does not list for this packet, and codes outside a byte, are refused. */
    static <R extends ReasonCode> void refusesOthers(Map<String, Integer> spec,
            IntFunction<Optional<R>> fromCode) {
        for (int code = -1; code <= 256; code++) {
            if (!spec.containsValue(code)) {
                assertThat(fromCode.apply(code)).as("code 0x%x", code).isEmpty();
            }
        }
    }
}
