package io.starlingmq.bridge.runtime;

import io.starlingmq.bridge.kafka.KafkaClients;
import io.starlingmq.bridge.kafka.KafkaDeadLetters;
import io.starlingmq.bridge.kafka.KafkaToMqttRule;
import io.starlingmq.bridge.kafka.KafkaToMqttRunner;
import io.starlingmq.bridge.rule.RuleKind;
import io.starlingmq.bridge.rule.RuleProperties;
import io.starlingmq.bridge.rule.RuleRunner;
import org.apache.kafka.clients.producer.KafkaProducer;

/** {@code kafka-to-mqtt}: a consumer group feeding an MQTT publisher, plus a producer for dead letters. */
final class KafkaToMqttAssembly implements RuleAssembly {

    @Override
    public RuleRunner assemble(RuleProperties properties, BridgeContext context) {
        KafkaToMqttRule rule = KafkaToMqttRule.from(properties, context.config().kafka().deadLetterTopic());
        KafkaClients kafka = context.kafka(rule.name());
        String clientId = context.clientId(rule.name());
        KafkaProducer<byte[], byte[]> deadLetterProducer = kafka.producer(clientId + "-dead-letters");
        var mqtt = context.config().mqtt();
        return new KafkaToMqttRunner(rule, kafka.consumer(clientId, rule.groupId(), rule.offsetReset()),
                context.starling(rule.name(), false),
                new KafkaDeadLetters(rule.name(), rule.deadLetterTopic(), deadLetterProducer), deadLetterProducer,
                context.kafkaReachability(rule.name()), context.meters(rule.name(), RuleKind.KAFKA_TO_MQTT),
                context.config().unhealthyAfter(), mqtt.reconnectMinDelay(), mqtt.reconnectMaxDelay());
    }
}
