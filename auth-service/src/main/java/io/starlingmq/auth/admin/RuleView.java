package io.starlingmq.auth.admin;

import io.starlingmq.auth.registry.RuleEntity;
import io.starlingmq.auth.registry.RuleScope;
import io.starlingmq.rules.Action;
import io.starlingmq.rules.Permission;

/** A registry rule as the admin API shows and accepts it ({@code id} is ignored on input). */
public record RuleView(Long id, RuleScope scope, String subject, int priority, Permission permission,
        Action action, String topic) {

    static RuleView of(RuleEntity rule) {
        return new RuleView(rule.id, rule.scope, rule.subject, rule.priority, rule.permission, rule.action,
                rule.topic);
    }
}
