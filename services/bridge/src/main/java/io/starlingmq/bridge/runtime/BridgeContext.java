package io.starlingmq.bridge.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.starlingmq.bridge.config.BridgeConfig;
import io.starlingmq.bridge.kafka.KafkaClients;
import io.starlingmq.bridge.kafka.KafkaReachability;
import io.starlingmq.bridge.metrics.RuleMeters;
import io.starlingmq.bridge.mqtt.StarlingConnection;
import io.starlingmq.bridge.rule.RuleDefinitionException;
import io.starlingmq.bridge.rule.RuleKind;

/** What building a rule needs: the bridge's settings, its meters, and its Kafka clients when Kafka is configured. */
public final class BridgeContext implements AutoCloseable {

    private final BridgeConfig config;
    private final MeterRegistry registry;
    private KafkaClients kafka;
    private KafkaReachability reachability;

    public BridgeContext(BridgeConfig config, MeterRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    public BridgeConfig config() {
        return config;
    }

    public RuleMeters meters(String rule, RuleKind kind) {
        return new RuleMeters(registry, rule, kind.wireName());
    }

    /** The MQTT client id of a rule's connection to Starling: prefix, instance, rule. */
    public String clientId(String rule) {
        return config.mqtt().clientIdPrefix() + config.instance() + "-" + rule;
    }

    public StarlingConnection starling(String rule, boolean persistent) {
        return StarlingConnection.toStarling(rule, config.mqtt(), clientId(rule), persistent);
    }

    public synchronized KafkaClients kafka(String rule) {
        if (kafka == null) {
            String servers = config.kafka().bootstrapServers().orElseThrow(() -> new RuleDefinitionException(rule,
                    null, "needs Kafka, but starling.bridge.kafka.bootstrap-servers is not set"));
            kafka = new KafkaClients(servers, config.kafka());
            reachability = new KafkaReachability(servers, config.kafka().checkInterval());
        }
        return kafka;
    }

    public synchronized KafkaReachability kafkaReachability(String rule) {
        kafka(rule);
        return reachability;
    }

    @Override
    public synchronized void close() {
        if (reachability != null) {
            reachability.close();
        }
    }
}
