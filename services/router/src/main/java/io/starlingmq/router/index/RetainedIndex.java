package io.starlingmq.router.index;

import io.starlingmq.contract.link.v1.Message;

import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The router's replica of the retained messages, one per topic, in topic order (for the admin API's pages). */
public final class RetainedIndex {

    private final NavigableMap<String, Message> byTopic = new ConcurrentSkipListMap<>();
    /** The skip list counts its entries by walking them; this counts changes instead. */
    private final AtomicInteger count = new AtomicInteger();

    /** Stores the message for its topic; an empty payload clears the topic instead. */
    public void set(Message message) {
        if (message.getPayload().isEmpty()) {
            clear(message.getTopic());
        } else if (byTopic.put(message.getTopic(), message) == null) {
            count.incrementAndGet();
        }
    }

    public void clear(String topic) {
        if (byTopic.remove(topic) != null) {
            count.decrementAndGet();
        }
    }

    /** Removes {@code message} if it is still the one retained for its topic (it was found expired). */
    public void drop(Message message) {
        if (byTopic.remove(message.getTopic(), message)) {
            count.decrementAndGet();
        }
    }

    /** The retained messages whose topics {@code filter} matches. */
    public List<Message> matching(String filter) {
        return byTopic.values().stream().filter(m -> TopicFilter.matches(filter, m.getTopic())).toList();
    }

    /** Retained messages held, whatever their topic. */
    public int size() {
        return count.get();
    }

    public Optional<Message> get(String topic) {
        return Optional.ofNullable(byTopic.get(topic));
    }

    /** Up to {@code limit} messages in topic order after skipping {@code offset}. */
    public List<Message> page(int offset, int limit) {
        return byTopic.values().stream().skip(offset).limit(limit).toList();
    }
}
