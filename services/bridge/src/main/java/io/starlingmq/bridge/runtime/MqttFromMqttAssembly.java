package io.starlingmq.bridge.runtime;

import io.starlingmq.bridge.config.BridgeConfig;
import io.starlingmq.bridge.mqtt.MqttDeadLetters;
import io.starlingmq.bridge.mqtt.MqttSource;
import io.starlingmq.bridge.mqtt.MqttSourcedRule;
import io.starlingmq.bridge.mqtt.StarlingConnection;
import io.starlingmq.bridge.remote.BrokerPublishSink;
import io.starlingmq.bridge.remote.MqttFromMqttRule;
import io.starlingmq.bridge.rule.RuleKind;
import io.starlingmq.bridge.rule.RuleProperties;
import io.starlingmq.bridge.rule.RuleRunner;

/**
 * {@code mqtt-from-mqtt}: a persistent session on the remote broker (so it keeps the messages while the
 * bridge is away) feeding a publisher into Starling; a remote message is acknowledged once Starling's
 * gateway acknowledged it, i.e. once the router routed it. Dead letters go to Starling too.
 */
final class MqttFromMqttAssembly implements RuleAssembly {

    @Override
    public RuleRunner assemble(RuleProperties properties, BridgeContext context) {
        MqttFromMqttRule rule = MqttFromMqttRule.from(properties, context.clientId(properties.name()));
        BridgeConfig.Mqtt mqtt = context.config().mqtt();
        StarlingConnection remote = StarlingConnection.to(rule.name() + " (remote)", rule.remote().endpoint(),
                new StarlingConnection.Session(rule.remote().clientId(), true, mqtt.sessionExpiry(), mqtt.keepAlive(),
                        mqtt.receiveMaximum()),
                mqtt.reconnectMinDelay(), mqtt.reconnectMaxDelay());
        var starling = context.starling(rule.name(), false);
        MqttSource source = new MqttSource(rule.name(), rule.remoteFilter(), rule.sharedGroup(), rule.qos(), remote,
                new BrokerPublishSink("starling", starling, rule.topic(), rule.qos()),
                new MqttDeadLetters(rule.name(), rule.deadLetterTopic(), starling),
                context.meters(rule.name(), RuleKind.MQTT_FROM_MQTT), context.config().unhealthyAfter(), true);
        return new MqttSourcedRule(rule.name(), RuleKind.MQTT_FROM_MQTT, "starling topic " + rule.topic().source()
                + ", read from remote broker " + rule.remote().address(), source, context.config().stopTimeout());
    }
}
