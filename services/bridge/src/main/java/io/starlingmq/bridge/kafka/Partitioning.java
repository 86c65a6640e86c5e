package io.starlingmq.bridge.kafka;

/**
 * Which messages share a partition, and so stay in order: those with one record key (Kafka's own
 * partitioner), one publisher, or one MQTT topic.
 */
public enum Partitioning {
    KEY,
    PUBLISHER,
    TOPIC;

    public static Partitioning fromWireName(String name) {
        return switch (name) {
            case "key" -> KEY;
            case "publisher" -> PUBLISHER;
            case "topic" -> TOPIC;
            default -> throw new IllegalArgumentException("must be key, publisher or topic, was " + name);
        };
    }
}
