package io.starlingmq.gateway.validation;

import com.google.common.base.Utf8;

/**
 * Configured bounds on topic names and filters beyond what MQTT requires: the most levels and the most
 * UTF-8 bytes. A shared filter is measured without its "$share/{group}/" prefix. 0 means no bound.
 */
public record TopicLimits(int maxLevels, int maxLength) {

    public static final TopicLimits NONE = new TopicLimits(0, 0);

    public boolean allowsTopic(String topic) {
        return within(topic);
    }

    public boolean allowsFilter(String filter) {
        return within(TopicRules.isShared(filter) ? TopicRules.sharedFilterTopic(filter) : filter);
    }

    private boolean within(String value) {
        if (maxLength > 0 && Utf8.encodedLength(value) > maxLength) {
            return false;
        }
        return maxLevels <= 0 || levels(value) <= maxLevels;
    }

    private static int levels(String value) {
        int levels = 1;
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == '/') {
                levels++;
            }
        }
        return levels;
    }
}
