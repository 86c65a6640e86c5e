package io.starlingmq.ops.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.starlingmq.ops.security.ApiKeyStore;
import io.starlingmq.ops.security.Role;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the bodies of {@code /api/v5/api_key}, naming the first bad field as EMQX does. */
final class ApiKeyRequests {

    /** EMQX's rule for a key's name. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final int MAX_NAME = 256;
    private static final int MAX_DESC = 1024;

    /** A field that is missing or bad; the message starts with its name. */
    static final class BadField extends RuntimeException {
        BadField(String message) {
            super(message);
        }
    }

    record NewKey(String name, Role role, String desc, boolean enable, Optional<Instant> expiredAt) {
    }

    private ApiKeyRequests() {
    }

    static NewKey newKey(JsonNode body) {
        requireObject(body);
        JsonNode name = body.get("name");
        if (name == null || !name.isTextual()) {
            throw new BadField("name: required, a string");
        }
        checkName(name.textValue());
        return new NewKey(name.textValue(), role(body).orElse(Role.ADMIN), desc(body).orElse(""),
                enable(body).orElse(true), expiredAt(body).orElse(Optional.empty()));
    }

    static ApiKeyStore.Change change(JsonNode body) {
        requireObject(body);
        return new ApiKeyStore.Change(role(body), desc(body), enable(body), expiredAt(body));
    }

    static void checkName(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME || !NAME.matcher(name).matches()) {
            throw new BadField("name: 1 to " + MAX_NAME + " characters, a letter then letters, digits, - or _");
        }
    }

    private static void requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadField("body: a JSON object is required");
        }
    }

    private static Optional<Role> role(JsonNode body) {
        JsonNode role = present(body, "role");
        if (role == null) {
            return Optional.empty();
        }
        Optional<Role> parsed = role.isTextual() ? Role.of(role.textValue()) : Optional.empty();
        return Optional.of(parsed.orElseThrow(() -> new BadField("role: admin or viewer")));
    }

    private static Optional<String> desc(JsonNode body) {
        JsonNode desc = present(body, "desc");
        if (desc == null) {
            return Optional.empty();
        }
        if (!desc.isTextual() || desc.textValue().length() > MAX_DESC) {
            throw new BadField("desc: a string of at most " + MAX_DESC + " characters");
        }
        return Optional.of(desc.textValue());
    }

    private static Optional<Boolean> enable(JsonNode body) {
        JsonNode enable = present(body, "enable");
        if (enable == null) {
            return Optional.empty();
        }
        if (!enable.isBoolean()) {
            throw new BadField("enable: true or false");
        }
        return Optional.of(enable.booleanValue());
    }

    /** Absent: empty; {@code "infinity"}: never expires (EMQX's word); else an RFC 3339 date-time with its offset. */
    private static Optional<Optional<Instant>> expiredAt(JsonNode body) {
        JsonNode at = present(body, "expired_at");
        if (at == null) {
            return Optional.empty();
        }
        if (at.isTextual() && at.textValue().equals("infinity")) {
            return Optional.of(Optional.empty());
        }
        try {
            if (at.isTextual()) {
                return Optional.of(Optional.of(OffsetDateTime.parse(at.textValue()).toInstant()));
            }
        } catch (DateTimeParseException e) {
            // named below
        }
        throw new BadField("expired_at: an RFC 3339 date-time with offset (2030-01-31T12:00:00Z) or \"infinity\"");
    }

    /** The field, or null when absent or JSON null. */
    private static JsonNode present(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value;
    }
}
