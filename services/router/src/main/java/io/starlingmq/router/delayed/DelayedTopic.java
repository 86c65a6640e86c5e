package io.starlingmq.router.delayed;

import java.util.Optional;

/**
 * The EMQX-compatible delayed-publish topic {@code $delayed/{Interval}/{Topic}}: Interval in whole seconds
 * (0 to 4,294,967), Topic a topic name without wildcards that does not start with '$'.
 *
 * @param delaySeconds how long to wait before publishing
 * @param topic        where to publish then
 */
public record DelayedTopic(long delaySeconds, String topic) {

    public static final String PREFIX = "$delayed/";
    public static final long MAX_DELAY_SECONDS = 4_294_967L;
    private static final int MAX_DELAY_DIGITS = 7;

    /** Whether a publish to {@code topic} asks for a delay (valid or not). */
    public static boolean isDelayed(String topic) {
        return topic.startsWith(PREFIX);
    }

    /** The delay and target of a {@code $delayed/} topic; empty when malformed. */
    public static Optional<DelayedTopic> parse(String topic) {
        if (!isDelayed(topic)) {
            return Optional.empty();
        }
        int slash = topic.indexOf('/', PREFIX.length());
        if (slash < 0) {
            return Optional.empty();
        }
        String interval = topic.substring(PREFIX.length(), slash);
        String target = topic.substring(slash + 1);
        if (interval.isEmpty() || interval.length() > MAX_DELAY_DIGITS || !interval.chars().allMatch(DelayedTopic::isDigit)) {
            return Optional.empty();
        }
        long seconds = Long.parseLong(interval);
        if (seconds > MAX_DELAY_SECONDS || !isPlainTopicName(target)) {
            return Optional.empty();
        }
        return Optional.of(new DelayedTopic(seconds, target));
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** Wildcards are not allowed in a topic name; '$' topics are the server's (and would allow nesting delays). */
    private static boolean isPlainTopicName(String topic) {
        return !topic.isEmpty() && !topic.startsWith("$") && topic.indexOf('+') < 0 && topic.indexOf('#') < 0;
    }
}
