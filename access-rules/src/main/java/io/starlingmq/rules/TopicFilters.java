package io.starlingmq.rules;

import java.util.List;

/**
 * MQTT topic-filter algebra on whole levels: matching a topic name, one filter covering another
 * (everything the second can match, the first matches too) and two filters overlapping. Filters
 * starting with a wildcard never match topics starting with '$' (MQTT 3.1.1 4.7.2, 5.0 4.7.2).
 */
public final class TopicFilters {

    private static final String MULTI = "#";
    private static final String SINGLE = "+";

    private TopicFilters() {
    }

    public static boolean isValidFilter(String filter) {
        if (filter == null || filter.isEmpty() || filter.indexOf('\0') >= 0) {
            return false;
        }
        List<String> levels = levels(filter);
        for (int i = 0; i < levels.size(); i++) {
            String level = levels.get(i);
            boolean hasMulti = level.contains(MULTI);
            boolean hasSingle = level.contains(SINGLE);
            if (hasMulti && (!level.equals(MULTI) || i != levels.size() - 1)) {
                return false;
            }
            if (hasSingle && !level.equals(SINGLE)) {
                return false;
            }
        }
        return true;
    }

    public static boolean isValidTopicName(String topic) {
        return topic != null && !topic.isEmpty() && topic.indexOf('\0') < 0
                && !topic.contains(MULTI) && !topic.contains(SINGLE);
    }

    /** Whether a filter matches a concrete topic name. */
    public static boolean matches(String filter, String topicName) {
        return isValidTopicName(topicName) && covers(filter, topicName);
    }

    /** Whether every topic that {@code requested} can match is also matched by {@code rule}. */
    public static boolean covers(String rule, String requested) {
        List<String> r = levels(rule);
        List<String> s = levels(requested);
        if (isWildcard(r.get(0)) && s.get(0).startsWith("$")) {
            return false;
        }
        for (int i = 0; ; i++) {
            if (i == s.size()) {
                // "a/#" also matches the parent level "a".
                return i == r.size() || (i == r.size() - 1 && r.get(i).equals(MULTI));
            }
            if (i == r.size()) {
                return false;
            }
            String rl = r.get(i);
            String sl = s.get(i);
            if (rl.equals(MULTI)) {
                return true;
            }
            if (rl.equals(SINGLE)) {
                if (sl.equals(MULTI)) {
                    return false;
                }
            } else if (!rl.equals(sl)) {
                return false;
            }
        }
    }

    /** Whether some topic name is matched by both filters. */
    public static boolean intersects(String a, String b) {
        List<String> x = levels(a);
        List<String> y = levels(b);
        if (dollarMismatch(x.get(0), y.get(0)) || dollarMismatch(y.get(0), x.get(0))) {
            return false;
        }
        for (int i = 0; ; i++) {
            boolean xEnd = i == x.size();
            boolean yEnd = i == y.size();
            if (xEnd && yEnd) {
                return true;
            }
            if (xEnd) {
                return y.get(i).equals(MULTI);
            }
            if (yEnd) {
                return x.get(i).equals(MULTI);
            }
            String xl = x.get(i);
            String yl = y.get(i);
            if (xl.equals(MULTI) || yl.equals(MULTI)) {
                return true;
            }
            if (!xl.equals(SINGLE) && !yl.equals(SINGLE) && !xl.equals(yl)) {
                return false;
            }
        }
    }

    private static boolean dollarMismatch(String wildcardCandidate, String literalCandidate) {
        return isWildcard(wildcardCandidate) && literalCandidate.startsWith("$");
    }

    private static boolean isWildcard(String level) {
        return level.equals(MULTI) || level.equals(SINGLE);
    }

    private static List<String> levels(String filter) {
        return List.of(filter.split("/", -1));
    }
}
