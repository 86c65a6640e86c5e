package io.starlingmq.auth.rules;

import io.starlingmq.rules.AccessRule;
import io.starlingmq.rules.Permission;
import io.starlingmq.rules.TopicFilters;
import java.util.ArrayList;
import java.util.List;

/**
 * Substitutes {@code ${clientid}} and {@code ${username}} in rule topics. A value that is missing or
 * would change the filter's structure ('/', '+', '#', NUL) must not widen access: an allow topic
 * using it is dropped, a deny topic using it becomes "#" (fail closed).
 */
public final class PlaceholderResolver {

    static final String CLIENT_ID = "${clientid}";
    static final String USERNAME = "${username}";
    private static final String DENY_EVERYTHING = "#";

    private PlaceholderResolver() {
    }

    public static List<AccessRule> resolve(List<AccessRule> templates, String clientId, String username) {
        List<AccessRule> resolved = new ArrayList<>(templates.size());
        for (AccessRule template : templates) {
            List<String> topics = new ArrayList<>(template.topics().size());
            for (String topic : template.topics()) {
                String substituted = substitute(topic, clientId, username);
                if (substituted != null) {
                    topics.add(substituted);
                } else if (template.permission() == Permission.DENY) {
                    topics.add(DENY_EVERYTHING);
                }
            }
            List<String> usable = topics.stream().filter(TopicFilters::isValidFilter).distinct().toList();
            if (!usable.isEmpty()) {
                resolved.add(new AccessRule(template.permission(), template.action(), usable));
            }
        }
        return List.copyOf(resolved);
    }

    /** Returns null when a placeholder in the topic has no safe value. */
    private static String substitute(String topic, String clientId, String username) {
        String result = topic;
        if (result.contains(CLIENT_ID)) {
            if (!isSafe(clientId)) {
                return null;
            }
            result = result.replace(CLIENT_ID, clientId);
        }
        if (result.contains(USERNAME)) {
            if (!isSafe(username)) {
                return null;
            }
            result = result.replace(USERNAME, username);
        }
        return result;
    }

    private static boolean isSafe(String value) {
        return value != null && !value.isEmpty()
                && value.chars().noneMatch(c -> c == '/' || c == '+' || c == '#' || c == 0);
    }
}
