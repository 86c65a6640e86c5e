package io.starlingmq.bridge.remote;

import io.starlingmq.bridge.mqtt.MessageVariables;
import io.starlingmq.bridge.mqtt.MqttDeadLetters;
import io.starlingmq.bridge.rule.RuleProperties;
import io.starlingmq.bridge.template.Template;

/**
 * An {@code mqtt-to-mqtt} rule: messages of {@code filter} on Starling are published to the remote broker on
 * the {@code topic} template (by default the same topic; {@code site-a/${topic}} adds a prefix), at
 * {@code qos}, with their retain flag, user properties and content type.
 */
public record MqttToMqttRule(String name, String filter, int qos, String sharedGroup, Template topic,
                             RemoteBroker remote, String deadLetterTopic) {

    public static MqttToMqttRule from(RuleProperties properties, String defaultClientId) {
        String name = properties.name();
        MqttToMqttRule rule = new MqttToMqttRule(name,
                properties.required("filter"),
                properties.integer("qos", 1, 1, 2),
                properties.optional("shared-group", "starling-bridge-" + name),
                properties.template("topic", "${topic}", MessageVariables.ROOTS, MessageVariables.PATH_ROOTS),
                RemoteBroker.from(properties, defaultClientId),
                properties.optional("dead-letter-topic", MqttDeadLetters.defaultTopic(name)));
        properties.rejectUnknownKeys();
        return rule;
    }
}
