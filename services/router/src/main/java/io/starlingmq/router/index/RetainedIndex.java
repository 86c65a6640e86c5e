package io.starlingmq.router.index;

import io.starlingmq.store.StoredMessage;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The router's replica of the retained messages, one per topic. */
public final class RetainedIndex {

    private final Map<String, StoredMessage> byTopic = new ConcurrentHashMap<>();

    /** Stores the message for its topic; an empty payload clears the topic instead. */
    public void set(StoredMessage message) {
        if (message.payload() == null || message.payload().length == 0) {
            byTopic.remove(message.topic());
        } else {
            byTopic.put(message.topic(), message);
        }
    }

    public void clear(String topic) {
        byTopic.remove(topic);
    }

    /** Removes {@code message} if it is still the one retained for its topic (it was found expired). */
    public void drop(StoredMessage message) {
        byTopic.remove(message.topic(), message);
    }

    /** The retained messages whose topics {@code filter} matches. */
    public List<StoredMessage> matching(String filter) {
        return byTopic.values().stream().filter(m -> TopicFilter.matches(filter, m.topic())).toList();
    }

    /** Retained messages held, whatever their topic. */
    public int size() {
        return byTopic.size();
    }
}
