package io.starlingmq.router.index;

import java.util.List;

/** MQTT topic-filter rules: validity and matching of one filter against one topic. */
public final class TopicFilter {

    public static final String SINGLE_LEVEL = "+";
    public static final String MULTI_LEVEL = "#";

    private TopicFilter() {
    }

    /** Splits a topic or filter into its levels; empty levels are kept ("a//b" has three). */
    public static List<String> levels(String topicOrFilter) {
        return List.of(topicOrFilter.split("/", -1));
    }

    /** A filter is valid when wildcards occupy whole levels and '#' is the last level. */
    public static boolean isValid(String filter) {
        if (filter == null || filter.isEmpty()) {
            return false;
        }
        List<String> levels = levels(filter);
        for (int i = 0; i < levels.size(); i++) {
            String level = levels.get(i);
            if (level.contains(MULTI_LEVEL) && (!level.equals(MULTI_LEVEL) || i != levels.size() - 1)) {
                return false;
            }
            if (level.contains(SINGLE_LEVEL) && !level.equals(SINGLE_LEVEL)) {
                return false;
            }
        }
        return true;
    }

    /** Topics starting with '$' are reserved for the server: wildcards in the first level skip them. */
    public static boolean isSystemTopic(String topic) {
        return topic.startsWith("$");
    }

    /** Whether {@code filter} matches {@code topic}; used for retained messages, the trie does the rest. */
    public static boolean matches(String filter, String topic) {
        List<String> filterLevels = levels(filter);
        List<String> topicLevels = levels(topic);
        if (isSystemTopic(topic) && isWildcard(filterLevels.get(0))) {
            return false;
        }
        for (int i = 0; i < filterLevels.size(); i++) {
            String level = filterLevels.get(i);
            if (level.equals(MULTI_LEVEL)) {
                return true;
            }
            if (i >= topicLevels.size()) {
                return false;
            }
            if (!level.equals(SINGLE_LEVEL) && !level.equals(topicLevels.get(i))) {
                return false;
            }
        }
        return filterLevels.size() == topicLevels.size();
    }

    static boolean isWildcard(String level) {
        return level.equals(SINGLE_LEVEL) || level.equals(MULTI_LEVEL);
    }
}
