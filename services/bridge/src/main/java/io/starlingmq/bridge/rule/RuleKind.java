package io.starlingmq.bridge.rule;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a rule carries, from where to where; {@code kind} in a rule's configuration. */
public enum RuleKind {
    MQTT_TO_KAFKA("mqtt-to-kafka"),
    KAFKA_TO_MQTT("kafka-to-mqtt"),
    MQTT_TO_WEBHOOK("mqtt-to-webhook"),
    MQTT_TO_MQTT("mqtt-to-mqtt"),
    MQTT_FROM_MQTT("mqtt-from-mqtt"),
    MQTT_TO_S3("mqtt-to-s3");

    private final String wireName;

    RuleKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static RuleKind fromWireName(String name) {
        for (RuleKind kind : values()) {
            if (kind.wireName.equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown kind '" + name + "'; one of: "
                + Arrays.stream(values()).map(RuleKind::wireName).collect(Collectors.joining(", ")));
    }
}
