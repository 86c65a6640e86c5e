package io.starlingmq.auth.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whom a registry rule applies to: one client id, one username, or every device. */
public enum RuleScope {
    CLIENT,
    USERNAME,
    ALL;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static RuleScope parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    /** Used by JAX-RS for query parameters. */
    public static RuleScope fromString(String text) {
        return parse(text);
    }
}
