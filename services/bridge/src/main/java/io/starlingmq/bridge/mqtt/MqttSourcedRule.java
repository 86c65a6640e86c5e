package io.starlingmq.bridge.mqtt;

import io.starlingmq.bridge.rule.RuleHealth;
import io.starlingmq.bridge.rule.RuleKind;
import io.starlingmq.bridge.rule.RuleRunner;
import java.time.Duration;

/** A rule that reads from Starling through an {@link MqttSource} and writes to one sink. */
public final class MqttSourcedRule implements RuleRunner {

    private final String name;
    private final RuleKind kind;
    private final String destination;
    private final MqttSource source;
    private final Duration stopTimeout;

    public MqttSourcedRule(String name, RuleKind kind, String destination, MqttSource source, Duration stopTimeout) {
        this.name = name;
        this.kind = kind;
        this.destination = destination;
        this.source = source;
        this.stopTimeout = stopTimeout;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RuleKind kind() {
        return kind;
    }

    @Override
    public String route() {
        return "mqtt " + source.subscription() + " -> " + destination;
    }

    @Override
    public void start() {
        source.start();
    }

    @Override
    public void stop() {
        source.stop(stopTimeout);
    }

    @Override
    public RuleHealth health() {
        return source.health();
    }
}
