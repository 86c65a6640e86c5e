package io.starlingmq.bridge.runtime;

import io.starlingmq.bridge.archive.ArchiveRule;
import io.starlingmq.bridge.archive.ArchiveSink;
import io.starlingmq.bridge.archive.S3ObjectStore;
import io.starlingmq.bridge.mqtt.MqttDeadLetters;
import io.starlingmq.bridge.mqtt.MqttSource;
import io.starlingmq.bridge.mqtt.MqttSourcedRule;
import io.starlingmq.bridge.rule.RuleKind;
import io.starlingmq.bridge.rule.RuleProperties;
import io.starlingmq.bridge.rule.RuleRunner;

/** {@code mqtt-to-s3}: a persistent MQTT session feeding batches of objects in an S3 bucket. */
final class ArchiveAssembly implements RuleAssembly {

    @Override
    public RuleRunner assemble(RuleProperties properties, BridgeContext context) {
        ArchiveRule rule = ArchiveRule.from(properties);
        var connection = context.starling(rule.name(), true);
        ArchiveSink sink = new ArchiveSink(rule, new S3ObjectStore(context.config().s3()),
                context.config().instance());
        MqttSource source = new MqttSource(rule.name(), rule.filter(), rule.sharedGroup(), rule.qos(), connection,
                sink, new MqttDeadLetters(rule.name(), rule.deadLetterTopic(), connection),
                context.meters(rule.name(), RuleKind.MQTT_TO_S3), context.config().unhealthyAfter());
        return new MqttSourcedRule(rule.name(), RuleKind.MQTT_TO_S3, "s3 " + rule.bucket() + "/"
                + rule.key().source(), source, context.config().stopTimeout());
    }
}
