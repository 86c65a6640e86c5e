package io.starlingmq.bridge.rule;

/** Whether a rule is moving messages, and if not, why (for readiness and the rules listing). */
public record RuleHealth(boolean up, String detail) {

    public static RuleHealth up(String detail) {
        return new RuleHealth(true, detail);
    }

    public static RuleHealth down(String detail) {
        return new RuleHealth(false, detail);
    }
}
