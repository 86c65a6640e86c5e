package io.starlingmq.rules;

import java.util.Locale;

/** Whether a matching rule lets the operation through. */
public enum Permission {
    ALLOW,
    DENY;

    /** The lower-case name used on the wire ({@code /v1/authn} answers, token claims, admin API). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

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
