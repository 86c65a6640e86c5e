package io.starlingmq.auth.rules;

import io.starlingmq.rules.AccessRule;
import io.starlingmq.rules.Action;
import io.starlingmq.rules.Permission;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads access rules from a token claim. Two shapes are understood: the EMQX object
 * {@code {"pub": [...], "sub": [...], "all": [...]}} (each entry an allow rule) and a list of
 * rule objects {@code [{"permission": "allow", "action": "publish", "topics": [...]}]} (a single
 * {@code "topic"} is accepted too). Anything else is rejected rather than guessed at.
 */
public final class AclClaimParser {

    private AclClaimParser() {
    }

    public static List<AccessRule> parse(Object claim) {
        if (claim == null) {
            return List.of();
        }
        if (claim instanceof Map<?, ?> object) {
            return parseObjectForm(object);
        }
        if (claim instanceof Collection<?> list) {
            return parseListForm(list);
        }
        throw new IllegalArgumentException("acl claim is neither an object nor a list");
    }

    private static List<AccessRule> parseObjectForm(Map<?, ?> object) {
        List<AccessRule> rules = new ArrayList<>();
        for (Map.Entry<?, ?> entry : object.entrySet()) {
            Action action = Action.parse(String.valueOf(entry.getKey()));
            List<String> topics = strings(entry.getValue(), "acl." + entry.getKey());
            if (!topics.isEmpty()) {
                rules.add(new AccessRule(Permission.ALLOW, action, topics));
            }
        }
        return rules;
    }

    private static List<AccessRule> parseListForm(Collection<?> list) {
        List<AccessRule> rules = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> rule)) {
                throw new IllegalArgumentException("acl list entry is not an object");
            }
            Permission permission = Permission.parse(asString(rule.get("permission")));
            Action action = Action.parse(asString(rule.get("action")));
            List<String> topics = rule.containsKey("topics")
                    ? strings(rule.get("topics"), "topics")
                    : List.of(asString(rule.get("topic")));
            rules.add(new AccessRule(permission, action, topics));
        }
        return rules;
    }

    private static List<String> strings(Object value, String where) {
        if (!(value instanceof Collection<?> items)) {
            throw new IllegalArgumentException(where + " is not a list");
        }
        return items.stream().map(AclClaimParser::asString).toList();
    }

    private static String asString(Object value) {
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("expected a string but got " + value);
        }
        return text;
    }
}
