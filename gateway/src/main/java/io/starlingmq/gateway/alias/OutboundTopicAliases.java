package io.starlingmq.gateway.alias;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Topic aliases the gateway sets towards a client, never more than the client's Topic Alias Maximum
 * [MQTT-3.3.2-9] nor the configured bound. The first PUBLISH of a topic carries topic and alias; later
 * ones only the alias. When all aliases are taken, the least recently used one is given to the new topic
 * (sent again with its topic, which re-maps it at the client). Confined to the channel's event loop.
 */
public final class OutboundTopicAliases {

    /** No alias: the PUBLISH carries its topic and no Topic Alias. */
    public static final Choice NONE = new Choice(null, 0, true);

    private final int maximum;
    /** topic -> alias, in access order so the eldest is the least recently used; made on the first commit */
    private LinkedHashMap<String, Integer> byTopic;

    public OutboundTopicAliases(int clientMaximum, int configuredBound) {
        this.maximum = Math.max(0, Math.min(clientMaximum, configuredBound));
    }

    /**
     * The alias to use for a topic without changing the table; {@link #commit} once the PUBLISH is sent
     * (one too large for the client is not sent, and must not leave an alias the client never learnt).
     */
    public Choice choose(String topic) {
        if (maximum == 0) {
            return NONE;
        }
        if (byTopic == null) {
            return new Choice(topic, 1, true);
        }
        Integer known = byTopic.get(topic);
        if (known != null) {
            return new Choice(topic, known, false);
        }
        if (byTopic.size() < maximum) {
            return new Choice(topic, byTopic.size() + 1, true);
        }
        Map.Entry<String, Integer> eldest = byTopic.entrySet().iterator().next();
        return new Choice(topic, eldest.getValue(), true);
    }

    public void commit(Choice choice) {
        if (choice.alias() == 0 || !choice.sendTopic()) {
            return;
        }
        if (byTopic == null) {
            byTopic = new LinkedHashMap<>(16, 0.75f, true);
        }
        if (byTopic.size() >= maximum) {
            byTopic.values().remove(choice.alias());
        }
        byTopic.put(choice.topic(), choice.alias());
    }

    /**
     * @param alias 0 = none
     * @param sendTopic whether the PUBLISH carries the topic (first use of the alias for it) or is empty
     */
    public record Choice(String topic, int alias, boolean sendTopic) {
    }
}
