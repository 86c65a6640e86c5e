package io.starlingmq.auth.chain;

import io.starlingmq.rules.AccessRule;
import java.util.List;

/**
 * One authenticator's answer. {@code credentialRules} are rules carried by the credential itself
 * (a token claim); they come before the registry's rules.
 */
public record AuthDecision(
        Outcome outcome,
        String reason,
        boolean superuser,
        Long expiresAt,
        List<AccessRule> credentialRules) {

    public AuthDecision {
        credentialRules = List.copyOf(credentialRules);
    }

    public static AuthDecision allow(String reason, boolean superuser, Long expiresAt, List<AccessRule> rules) {
        return new AuthDecision(Outcome.ALLOW, reason, superuser, expiresAt, rules);
    }

    public static AuthDecision deny(String reason) {
        return new AuthDecision(Outcome.DENY, reason, false, null, List.of());
    }

    public static AuthDecision ignore(String reason) {
        return new AuthDecision(Outcome.IGNORE, reason, false, null, List.of());
    }
}
