package io.starlingmq.rules;

import java.util.List;

/**
 * Evaluates an ordered rule list the way gateways must: the first rule whose action applies and
 * whose topics match decides; no matching rule denies. For SUBSCRIBE an allow rule matches only
 * when one of its filters covers the requested filter as a whole, while a deny rule matches as soon
 * as it overlaps it, so a wildcard subscription can never reach a denied topic.
 */
public final class AccessPolicy {

    private static final String SHARE_PREFIX = "$share/";

    private final List<AccessRule> rules;

    public AccessPolicy(List<AccessRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public boolean mayPublish(String topicName) {
        if (!TopicFilters.isValidTopicName(topicName)) {
            return false;
        }
        for (AccessRule rule : rules) {
            if (rule.action().appliesTo(Action.PUBLISH)
                    && rule.topics().stream().anyMatch(f -> TopicFilters.matches(f, topicName))) {
                return rule.permission() == Permission.ALLOW;
            }
        }
        return false;
    }

    public boolean maySubscribe(String requestedFilter) {
        String filter = withoutSharePrefix(requestedFilter);
        if (filter == null || !TopicFilters.isValidFilter(filter)) {
            return false;
        }
        for (AccessRule rule : rules) {
            if (!rule.action().appliesTo(Action.SUBSCRIBE)) {
                continue;
            }
            boolean matched = rule.permission() == Permission.ALLOW
                    ? rule.topics().stream().anyMatch(f -> TopicFilters.covers(f, filter))
                    : rule.topics().stream().anyMatch(f -> TopicFilters.intersects(f, filter));
            if (matched) {
                return rule.permission() == Permission.ALLOW;
            }
        }
        return false;
    }

    /** A shared subscription is judged by the filter inside it; a malformed one yields null. */
    private static String withoutSharePrefix(String filter) {
        if (filter == null || !filter.startsWith(SHARE_PREFIX)) {
            return filter;
        }
        int groupEnd = filter.indexOf('/', SHARE_PREFIX.length());
        if (groupEnd <= SHARE_PREFIX.length() || groupEnd == filter.length() - 1) {
            return null;
        }
        String group = filter.substring(SHARE_PREFIX.length(), groupEnd);
        if (group.contains("+") || group.contains("#")) {
            return null;
        }
        return filter.substring(groupEnd + 1);
    }
}
