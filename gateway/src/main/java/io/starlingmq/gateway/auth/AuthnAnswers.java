package io.starlingmq.gateway.auth;

import io.starlingmq.rules.AccessRule;
import io.starlingmq.rules.Action;
import io.starlingmq.rules.Permission;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the auth service's {@code /v1/authn} answer (see auth-service/README.md). An answer that
 * does not fit the contract is treated as no answer at all: the gateway fails closed rather than
 * guess at rules.
 */
final class AuthnAnswers {

    private AuthnAnswers() {
    }

    static AuthDecision decide(int status, JsonObject body) {
        if (status != 200) {
            return AuthDecision.unavailable("auth service answered HTTP " + status);
        }
        if (body == null) {
            return AuthDecision.unavailable("auth service answered without a body");
        }
        String reason = body.getString("reason");
        return switch (String.valueOf(body.getValue("result"))) {
            case "allow" -> allow(body);
            // Credentials were recognised and checked, and they are wrong.
            case "deny" -> AuthDecision.deny(AuthDecision.Refusal.BAD_CREDENTIALS, reason);
            // No authenticator recognised them: nothing grants this connection.
            case "ignore" -> AuthDecision.deny(AuthDecision.Refusal.NOT_AUTHORIZED, reason);
            default -> AuthDecision.unavailable("auth service answered an unknown result: " + body.getValue("result"));
        };
    }

    private static AuthDecision allow(JsonObject body) {
        Long expiresAt = body.getLong("expiresAt");
        JsonArray rules = body.getJsonArray("rules", new JsonArray());
        return AuthDecision.allow(rules(rules), body.getBoolean("superuser", false),
                expiresAt == null ? null : Instant.ofEpochSecond(expiresAt));
    }

    private static List<AccessRule> rules(JsonArray array) {
        List<AccessRule> rules = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonObject rule = array.getJsonObject(i);
            JsonArray topics = rule.getJsonArray("topics");
            if (topics == null) {
                throw new IllegalArgumentException("rule " + i + " has no topics");
            }
            List<String> filters = new ArrayList<>(topics.size());
            for (int t = 0; t < topics.size(); t++) {
                filters.add(topics.getString(t));
            }
            rules.add(new AccessRule(Permission.parse(rule.getString("permission")),
                    Action.parse(rule.getString("action")), filters));
        }
        return rules;
    }
}
