package io.starlingmq.gateway.alias;

/**
 * The topic aliases a client set on this connection, 1..maximum (the Topic Alias Maximum the gateway
 * announced). The table is bounded by that maximum and ends with the connection [MQTT-3.3.2-7].
 * Confined to the channel's event loop.
 */
public final class InboundTopicAliases {

    private final int maximum;
    /** Made when the client sets its first alias: most clients never do. */
    private String[] topics;

    public InboundTopicAliases(int maximum) {
        this.maximum = maximum;
    }

    public int maximum() {
        return maximum;
    }

    /** Whether an alias lies within 1..maximum (else Topic Alias invalid, 0x94). */
    public boolean inRange(int alias) {
        return alias >= 1 && alias <= maximum;
    }

    /**
     * The topic a PUBLISH names: a non-empty topic sets (or replaces) the alias's mapping and is returned
     * [MQTT-3.3.2-12]; an empty one is looked up, null when the alias was never set (a Protocol Error).
     * The alias must be {@link #inRange in range}.
     */
    public String resolve(String topic, int alias) {
        if (!topic.isEmpty()) {
            if (topics == null) {
                topics = new String[maximum];
            }
            topics[alias - 1] = topic;
            return topic;
        }
        return topics == null ? null : topics[alias - 1];
    }
}
