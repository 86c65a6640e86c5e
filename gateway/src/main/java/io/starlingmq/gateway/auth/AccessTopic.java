package io.starlingmq.gateway.auth;

/**
 * The topic the access rules judge for a PUBLISH. A delayed publish, {@code $delayed/{seconds}/{topic}}
 * (held by the router and then published to {@code {topic}}), is judged as {@code {topic}}: the rules
 * are about where a message lands, not how it gets there. Any other name is judged as it is; rule
 * matching never lets a wildcard at a filter's start match a {@code $} topic, so other {@code $}
 * topics are refused unless a rule names them, and so is a malformed {@code $delayed/} name.
 */
public final class AccessTopic {

    static final String DELAYED_PREFIX = "$delayed/";
    /** More digits than any delay the router accepts; a longer number is no delayed publish. */
    private static final int MAX_DELAY_DIGITS = 10;

    private AccessTopic() {
    }

    public static String forPublish(String topicName) {
        if (!topicName.startsWith(DELAYED_PREFIX)) {
            return topicName;
        }
        int secondsEnd = topicName.indexOf('/', DELAYED_PREFIX.length());
        int digits = secondsEnd - DELAYED_PREFIX.length();
        if (secondsEnd < 0 || digits < 1 || digits > MAX_DELAY_DIGITS || secondsEnd == topicName.length() - 1) {
            return topicName;
        }
        for (int i = DELAYED_PREFIX.length(); i < secondsEnd; i++) {
            char c = topicName.charAt(i);
            if (c < '0' || c > '9') {
                return topicName;
            }
        }
        return topicName.substring(secondsEnd + 1);
    }
}
