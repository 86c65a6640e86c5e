package io.starlingmq.bridge.kafka;

import io.starlingmq.bridge.mqtt.MessageVariables;
import io.starlingmq.bridge.rule.RuleDefinitionException;
import io.starlingmq.bridge.rule.RuleProperties;
import io.starlingmq.bridge.template.Template;
import java.util.Map;

/**
 * An {@code mqtt-to-kafka} rule: messages of {@code filter} become records of {@code kafka-topic} with the
 * key, value and headers of its templates; MQTT 5 user properties and the content type travel as headers.
 */
public record MqttToKafkaRule(String name, String filter, int qos, String sharedGroup, Template kafkaTopic,
                             Template key, Template value, Map<String, Template> headers,
                             boolean carryProperties, Partitioning partitionBy, String deadLetterTopic) {

    public static MqttToKafkaRule from(RuleProperties properties, String defaultDeadLetterTopic) {
        var roots = MessageVariables.ROOTS;
        var paths = MessageVariables.PATH_ROOTS;
        String name = properties.name();
        Partitioning partitioning;
        try {
            partitioning = Partitioning.fromWireName(properties.optional("partition-by", "key"));
        } catch (IllegalArgumentException e) {
            throw new RuleDefinitionException(name, "partition-by", e.getMessage());
        }
        MqttToKafkaRule rule = new MqttToKafkaRule(name,
                properties.required("filter"),
                properties.integer("qos", 1, 1, 2),
                properties.optional("shared-group", "starling-bridge-" + name),
                properties.template("kafka-topic", null, roots, paths),
                properties.template("key", "${clientid}", roots, paths),
                properties.template("value", "${payload}", roots, paths),
                properties.templates("headers", roots, paths),
                properties.bool("carry-properties", true),
                partitioning,
                properties.optional("dead-letter-topic", defaultDeadLetterTopic));
        properties.rejectUnknownKeys();
        return rule;
    }
}
