package io.starlingmq.bridge.runtime;

import io.starlingmq.bridge.kafka.KafkaClients;
import io.starlingmq.bridge.kafka.KafkaDeadLetters;
import io.starlingmq.bridge.kafka.KafkaSink;
import io.starlingmq.bridge.kafka.MqttToKafkaRule;
import io.starlingmq.bridge.mqtt.MqttSource;
import io.starlingmq.bridge.mqtt.MqttSourcedRule;
import io.starlingmq.bridge.rule.RuleKind;
import io.starlingmq.bridge.rule.RuleProperties;
import io.starlingmq.bridge.rule.RuleRunner;
import org.apache.kafka.clients.producer.KafkaProducer;

/** {@code mqtt-to-kafka}: a persistent MQTT session feeding an idempotent producer. */
final class MqttToKafkaAssembly implements RuleAssembly {

    @Override
    public RuleRunner assemble(RuleProperties properties, BridgeContext context) {
        MqttToKafkaRule rule = MqttToKafkaRule.from(properties, context.config().kafka().deadLetterTopic());
        KafkaClients kafka = context.kafka(rule.name());
        KafkaProducer<byte[], byte[]> producer = kafka.producer(context.clientId(rule.name()));
        KafkaSink sink = new KafkaSink(rule, producer, context.kafkaReachability(rule.name()),
                context.config().mqtt().receiveMaximum());
        var connection = context.starling(rule.name(), true);
        MqttSource source = new MqttSource(rule.name(), rule.filter(), rule.sharedGroup(), rule.qos(), connection,
                sink, new KafkaDeadLetters(rule.name(), rule.deadLetterTopic(), producer),
                context.meters(rule.name(), RuleKind.MQTT_TO_KAFKA), context.config().unhealthyAfter());
        return new MqttSourcedRule(rule.name(), RuleKind.MQTT_TO_KAFKA, "kafka " + rule.kafkaTopic().source(),
                source, context.config().stopTimeout());
    }
}
