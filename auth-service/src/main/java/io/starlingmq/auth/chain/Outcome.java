package io.starlingmq.auth.chain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** An authenticator's verdict; {@link #IGNORE} passes the decision to the next one. */
public enum Outcome {
    ALLOW,
    DENY,
    IGNORE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
