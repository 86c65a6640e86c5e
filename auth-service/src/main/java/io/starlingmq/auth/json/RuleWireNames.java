package io.starlingmq.auth.json;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.starlingmq.rules.Action;
import io.starlingmq.rules.Permission;
import jakarta.inject.Singleton;

/**
 * Writes and reads {@link Action} and {@link Permission} by their lower-case wire names. The enums
 * live in the JDK-only {@code access-rules} library, so the Jackson annotations are attached here as
 * mix-ins instead of on the enums themselves.
 */
@Singleton
public class RuleWireNames implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addMixIn(Action.class, ActionMixIn.class);
        mapper.addMixIn(Permission.class, PermissionMixIn.class);
    }

    private abstract static class ActionMixIn {
        @JsonValue
        abstract String wireName();

        @JsonCreator
        static Action parse(String text) {
            return Action.parse(text);
        }
    }

    private abstract static class PermissionMixIn {
        @JsonValue
        abstract String wireName();

        @JsonCreator
        static Permission parse(String text) {
            return Permission.parse(text);
        }
    }
}
