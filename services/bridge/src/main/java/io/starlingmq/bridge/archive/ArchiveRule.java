package io.starlingmq.bridge.archive;

import io.starlingmq.bridge.mqtt.MessageVariables;
import io.starlingmq.bridge.mqtt.MqttDeadLetters;
import io.starlingmq.bridge.rule.RuleDefinitionException;
import io.starlingmq.bridge.rule.RuleProperties;
import io.starlingmq.bridge.template.Template;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * An {@code mqtt-to-s3} rule: messages of {@code filter} batched into gzipped JSON Lines objects in
 * {@code bucket} under the {@code key} template, an object written when it holds {@code max-messages}
 * messages or {@code max-bytes} bytes of JSON, or {@code max-age} after its first message.
 */
public record ArchiveRule(String name, String filter, int qos, String sharedGroup, String bucket, Template key,
                          int maxMessages, long maxBytes, Duration maxAge, String deadLetterTopic) {

    /** Variables of the key template beside a message's: the day and hour it was read (UTC) and the object's number. */
    public static final Set<String> KEY_ROOTS;

    static {
        Set<String> roots = new HashSet<>(MessageVariables.ROOTS);
        roots.addAll(Set.of("date", "hour", "seq"));
        roots.remove("payload");
        KEY_ROOTS = Set.copyOf(roots);
    }

    public static ArchiveRule from(RuleProperties properties) {
        String name = properties.name();
        Template key = properties.template("key", "${topic}/${date}/${hour}/${seq}.jsonl.gz", KEY_ROOTS,
                Set.of("topic", "user_property"));
        if (!key.uses("seq")) {
            throw new RuleDefinitionException(name, "key", "must contain ${seq}, or objects would overwrite each other");
        }
        long maxAgeMillis = properties.longValue("max-age-ms", 10_000, 100, 3_600_000);
        ArchiveRule rule = new ArchiveRule(name,
                properties.required("filter"),
                properties.integer("qos", 1, 1, 2),
                properties.optional("shared-group", "starling-bridge-" + name),
                properties.required("bucket"),
                key,
                properties.integer("max-messages", 1000, 1, 1_000_000),
                properties.longValue("max-bytes", 4L * 1024 * 1024, 1024, 1024L * 1024 * 1024),
                Duration.ofMillis(maxAgeMillis),
                properties.optional("dead-letter-topic", MqttDeadLetters.defaultTopic(name)));
        properties.rejectUnknownKeys();
        return rule;
    }
}
