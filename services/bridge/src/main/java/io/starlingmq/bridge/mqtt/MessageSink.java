package io.starlingmq.bridge.mqtt;

import io.starlingmq.bridge.rule.RuleHealth;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Where an MQTT-sourced rule writes. {@link #send} completes once the destination has the message (Kafka
 * acknowledged it, the webhook answered 2xx, the object is written); only then is the MQTT message
 * acknowledged. It fails with {@link PoisonMessageException} for a message that can never be carried, and
 * with anything else for a failure worth retrying.
 */
public interface MessageSink {

    CompletionStage<Void> send(InboundMessage message);

    /** Opens what it writes through (a connection of its own), before the first message can arrive. */
    default void start() {
    }

    /** The destination's own state (reachable or not), beside the rule's. */
    default RuleHealth health() {
        return RuleHealth.up("ok");
    }

    /** How long it may hold a message on purpose before sending it (a batch's age limit). */
    default Duration holdTime() {
        return java.time.Duration.ZERO;
    }

    /** Sends what it has batched now rather than when the batch is due (the rule is stopping). */
    default void flush() {
    }

    /** Sends what it holds and lets go of its clients. */
    default void close() {
    }
}
