package io.starlingmq.bridge.remote;

import io.starlingmq.bridge.mqtt.MessageVariables;
import io.starlingmq.bridge.mqtt.MqttDeadLetters;
import io.starlingmq.bridge.rule.RuleProperties;
import io.starlingmq.bridge.template.Template;

/**
 * An {@code mqtt-from-mqtt} rule: messages of {@code remote-filter} on the remote broker are published into
 * Starling on the {@code topic} template (by default the same topic), at {@code qos}, with their retain flag,
 * user properties and content type. The subscription is a plain one unless {@code shared-group} is set (then
 * the bridge's replicas split the messages, if the remote broker has shared subscriptions); without it every
 * replica carries every message.
 */
public record MqttFromMqttRule(String name, String remoteFilter, int qos, String sharedGroup, Template topic,
                               RemoteBroker remote, String deadLetterTopic) {

    public static MqttFromMqttRule from(RuleProperties properties, String defaultClientId) {
        String name = properties.name();
        MqttFromMqttRule rule = new MqttFromMqttRule(name,
                properties.required("remote-filter"),
                properties.integer("qos", 1, 1, 2),
                properties.optional("shared-group", ""),
                properties.template("topic", "${topic}", MessageVariables.ROOTS, MessageVariables.PATH_ROOTS),
                RemoteBroker.from(properties, defaultClientId),
                properties.optional("dead-letter-topic", MqttDeadLetters.defaultTopic(name)));
        properties.rejectUnknownKeys();
        return rule;
    }
}
