package io.starlingmq.router.index;

import io.starlingmq.contract.link.v1.Message;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The router's replica of the retained messages, one per topic. */
public final class RetainedIndex {

    private final Map<String, Message> byTopic = new ConcurrentHashMap<>();

    /** Stores the message for its topic; an empty payload clears the topic instead. */
    public void set(Message message) {
        if (message.getPayload().isEmpty()) {
            byTopic.remove(message.getTopic());
        } else {
            byTopic.put(message.getTopic(), message);
        }
    }

    public void clear(String topic) {
        byTopic.remove(topic);
    }

    /** Removes {@code message} if it is still the one retained for its topic (it was found expired). */
    public void drop(Message message) {
        byTopic.remove(message.getTopic(), message);
    }

    /** The retained messages whose topics {@code filter} matches. */
    public List<Message> matching(String filter) {
        return byTopic.values().stream().filter(m -> TopicFilter.matches(filter, m.getTopic())).toList();
    }

    /** Retained messages held, whatever their topic. */
    public int size() {
        return byTopic.size();
    }
}
