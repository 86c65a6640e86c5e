package io.starlingmq.contract.reason;

import java.util.Arrays;
import java.util.Optional;

/** The code-indexed table behind every enum's {@code fromCode}: a lookup without a search or an allocation. */
final class ReasonCodes {

    private static final int CODE_SPACE = 256;

    private ReasonCodes() {
    }

    /** A table of {@code values} indexed by code; codes the packet kind does not list stay null. */
    static <R extends ReasonCode> R[] byCode(R[] values) {
        R[] table = Arrays.copyOf(values, CODE_SPACE);
        Arrays.fill(table, null);
        for (R value : values) {
            table[value.code()] = value;
        }
        return table;
    }

    static <R extends ReasonCode> Optional<R> find(R[] table, int code) {
        return code >= 0 && code < table.length ? Optional.ofNullable(table[code]) : Optional.empty();
    }
}
