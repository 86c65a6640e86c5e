package io.starlingmq.auth.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a matching rule lets the operation through. */
public enum Permission {
    ALLOW,
    DENY;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Permission parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("permission is missing");
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "allow" -> ALLOW;
            case "deny" -> DENY;
            default -> throw new IllegalArgumentException("unknown permission: " + text);
        };
    }
}
