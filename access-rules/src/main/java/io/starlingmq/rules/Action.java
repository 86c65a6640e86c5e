package io.starlingmq.rules;

import java.util.Locale;

/** The MQTT operation a rule applies to; {@link #ALL} applies to both. */
public enum Action {
    PUBLISH,
    SUBSCRIBE,
    ALL;

    public boolean appliesTo(Action operation) {
        return this == ALL || this == operation;
    }

    /** The lower-case name used on the wire ({@code /v1/authn} answers, token claims, admin API). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts the EMQX spellings too ({@code pub}, {@code sub}, {@code pubsub}). */
    public static Action parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("action is missing");
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "publish", "pub" -> PUBLISH;
            case "subscribe", "sub" -> SUBSCRIBE;
            case "all", "pubsub" -> ALL;
            default -> throw new IllegalArgumentException("unknown action: " + text);
        };
    }
}
