package io.starlingmq.rules;

import java.util.List;

/** One access rule as sent to gateways: a permission for an action on any of the topic filters. */
public record AccessRule(Permission permission, Action action, List<String> topics) {

    public AccessRule {
        if (permission == null || action == null) {
            throw new IllegalArgumentException("a rule needs a permission and an action");
        }
        topics = List.copyOf(topics);
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("a rule needs at least one topic filter");
        }
        for (String topic : topics) {
            if (!TopicFilters.isValidFilter(topic)) {
                throw new IllegalArgumentException("invalid topic filter in rule: " + topic);
            }
        }
    }

}
