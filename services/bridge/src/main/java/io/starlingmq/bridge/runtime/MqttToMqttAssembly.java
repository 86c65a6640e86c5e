package io.starlingmq.bridge.runtime;

import io.starlingmq.bridge.config.BridgeConfig;
import io.starlingmq.bridge.mqtt.MqttDeadLetters;
import io.starlingmq.bridge.mqtt.MqttSource;
import io.starlingmq.bridge.mqtt.MqttSourcedRule;
import io.starlingmq.bridge.mqtt.StarlingConnection;
import io.starlingmq.bridge.remote.BrokerPublishSink;
import io.starlingmq.bridge.remote.MqttToMqttRule;
import io.starlingmq.bridge.rule.RuleKind;
import io.starlingmq.bridge.rule.RuleProperties;
import io.starlingmq.bridge.rule.RuleRunner;
import java.time.Duration;

/**
 * {@code mqtt-to-mqtt}: a persistent session on Starling feeding a publisher on the remote broker. The remote
 * connection starts clean every time (see {@link BrokerPublishSink}): it only publishes, so it has nothing
 * to resume. Dead letters go back to Starling.
 */
final class MqttToMqttAssembly implements RuleAssembly {

    @Override
    public RuleRunner assemble(RuleProperties properties, BridgeContext context) {
        MqttToMqttRule rule = MqttToMqttRule.from(properties, context.clientId(properties.name()));
        BridgeConfig.Mqtt mqtt = context.config().mqtt();
        StarlingConnection remote = StarlingConnection.to(rule.name() + " (remote)", rule.remote().endpoint(),
                new StarlingConnection.Session(rule.remote().clientId(), false, Duration.ZERO, mqtt.keepAlive(),
                        mqtt.receiveMaximum()),
                mqtt.reconnectMinDelay(), mqtt.reconnectMaxDelay());
        String broker = "remote broker " + rule.remote().address();
        var starling = context.starling(rule.name(), true);
        MqttSource source = new MqttSource(rule.name(), rule.filter(), rule.sharedGroup(), rule.qos(), starling,
                new BrokerPublishSink(broker, remote, rule.topic(), rule.qos()),
                new MqttDeadLetters(rule.name(), rule.deadLetterTopic(), starling),
                context.meters(rule.name(), RuleKind.MQTT_TO_MQTT), context.config().unhealthyAfter(), true);
        return new MqttSourcedRule(rule.name(), RuleKind.MQTT_TO_MQTT, broker + " topic " + rule.topic().source(),
                source, context.config().stopTimeout());
    }
}
