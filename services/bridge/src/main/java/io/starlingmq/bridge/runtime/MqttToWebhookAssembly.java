package io.starlingmq.bridge.runtime;

import io.starlingmq.bridge.metrics.RuleMeters;
import io.starlingmq.bridge.mqtt.MqttDeadLetters;
import io.starlingmq.bridge.mqtt.MqttSource;
import io.starlingmq.bridge.mqtt.MqttSourcedRule;
import io.starlingmq.bridge.rule.RuleKind;
import io.starlingmq.bridge.rule.RuleProperties;
import io.starlingmq.bridge.rule.RuleRunner;
import io.starlingmq.bridge.webhook.WebhookRule;
import io.starlingmq.bridge.webhook.WebhookSink;

/** {@code mqtt-to-webhook}: a persistent MQTT session feeding HTTP POSTs; dead letters go back to Starling. */
final class MqttToWebhookAssembly implements RuleAssembly {

    @Override
    public RuleRunner assemble(RuleProperties properties, BridgeContext context) {
        WebhookRule rule = WebhookRule.from(properties);
        RuleMeters meters = context.meters(rule.name(), RuleKind.MQTT_TO_WEBHOOK);
        var connection = context.starling(rule.name(), true);
        WebhookSink sink = new WebhookSink(rule, meters, context.config().mqtt().receiveMaximum());
        MqttSource source = new MqttSource(rule.name(), rule.filter(), rule.sharedGroup(), rule.qos(), connection,
                sink, new MqttDeadLetters(rule.name(), rule.deadLetterTopic(), connection), meters,
                context.config().unhealthyAfter());
        return new MqttSourcedRule(rule.name(), RuleKind.MQTT_TO_WEBHOOK, "webhook POST " + rule.url(), source,
                context.config().stopTimeout());
    }
}
