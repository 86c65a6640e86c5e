package io.starlingmq.gateway.validation;

/** Topic name and topic filter rules of MQTT 3.1.1 §4.7 and 5.0 §4.7/§4.8.2. */
public final class TopicRules {

    private static final String SHARE_PREFIX = "$share/";

    private TopicRules() {
    }

    /** A shared subscription's filter: "$share/{ShareName}/{filter}". */
    public static boolean isShared(String filter) {
        return filter.startsWith(SHARE_PREFIX);
    }

    /** The topic filter part of a well-formed shared filter (after "$share/{ShareName}/"). */
    public static String sharedFilterTopic(String filter) {
        String groupAndFilter = filter.substring(SHARE_PREFIX.length());
        return groupAndFilter.substring(groupAndFilter.indexOf('/') + 1);
    }

    /** A topic name to publish to: non-empty, no wildcard, no U+0000. */
    public static boolean validTopicName(String topic) {
        return topic != null && !topic.isEmpty()
                && topic.indexOf('+') < 0 && topic.indexOf('#') < 0 && topic.indexOf('\u0000') < 0;
    }

    /** A filter: non-empty; '#' alone in the last level; '+' alone in its level; shared form well built. */
    public static boolean validTopicFilter(String filter) {
        if (filter == null || filter.isEmpty() || filter.indexOf('\u0000') >= 0) {
            return false;
        }
        if (filter.startsWith(SHARE_PREFIX)) {
            return validSharedFilter(filter.substring(SHARE_PREFIX.length()));
        }
        return validPlainFilter(filter);
    }

    private static boolean validSharedFilter(String groupAndFilter) {
        int slash = groupAndFilter.indexOf('/');
        if (slash <= 0) {
            return false;
        }
        String group = groupAndFilter.substring(0, slash);
        if (group.indexOf('+') >= 0 || group.indexOf('#') >= 0) {
            return false;
        }
        String filter = groupAndFilter.substring(slash + 1);
        return !filter.isEmpty() && validPlainFilter(filter);
    }

    private static boolean validPlainFilter(String filter) {
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.indexOf('#') >= 0 && (!level.equals("#") || i != levels.length - 1)) {
                return false;
            }
            if (level.indexOf('+') >= 0 && !level.equals("+")) {
                return false;
            }
        }
        return true;
    }
}
