package io.starlingmq.bridge.kafka;

import io.starlingmq.bridge.rule.RuleDefinitionException;
import io.starlingmq.bridge.rule.RuleProperties;
import io.starlingmq.bridge.template.Template;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code kafka-to-mqtt} rule: records of {@code kafka-topics}, read by the consumer group {@code group-id},
 * published to Starling on the topic, QoS, retain flag, payload and user properties of its templates.
 */
public record KafkaToMqttRule(String name, List<String> kafkaTopics, String groupId, String offsetReset,
                              Template mqttTopic, int qos, Template retain, Template payload,
                              Optional<Template> contentType, Map<String, Template> userProperties,
                              String deadLetterTopic) {

    public static KafkaToMqttRule from(RuleProperties properties, String defaultDeadLetterTopic) {
        var roots = RecordVariables.ROOTS;
        var paths = RecordVariables.PATH_ROOTS;
        String offsetReset = properties.optional("offset-reset", "earliest");
        if (!offsetReset.equals("earliest") && !offsetReset.equals("latest")) {
            throw new RuleDefinitionException(properties.name(), "offset-reset", "must be earliest or latest, was "
                    + offsetReset);
        }
        KafkaToMqttRule rule = new KafkaToMqttRule(properties.name(),
                properties.list("kafka-topics"),
                properties.optional("group-id", "starling-bridge-" + properties.name()),
                offsetReset,
                properties.template("mqtt-topic", null, roots, paths),
                properties.integer("qos", 1, 0, 2),
                properties.template("retain", "false", roots, paths),
                properties.template("payload", "${value}", roots, paths),
                properties.optionalTemplate("content-type", roots, paths),
                properties.templates("user-properties", roots, paths),
                properties.optional("dead-letter-topic", defaultDeadLetterTopic));
        properties.rejectUnknownKeys();
        return rule;
    }
}
