package io.starlingmq.bridge.mqtt;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperty;
import io.starlingmq.bridge.metrics.RuleMeters;
import io.starlingmq.bridge.rule.RuleHealth;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;

/**
 * The MQTT side of every rule that reads from Starling: a persistent session subscribed to the rule's filter
 * as a shared subscription (so the bridge's replicas split the messages), each message handed to the rule's
 * {@link MessageSink} and acknowledged only once the sink says the destination has it (or the dead letters
 * have it). While the destination is away nothing is acknowledged: at most Receive Maximum messages are in
 * flight, and the rest wait in Starling's session store. A failed send drops the connection, so the session
 * sends the unacknowledged messages again (see {@link #failed} for how the client is kept from holding
 * later acknowledgements behind the failed one).
 */
public final class MqttSource {

    private static final Logger LOG = Logger.getLogger(MqttSource.class);
    /** The user property the gateway names a delivery's publisher with (for the bridge's client ids). */
    public static final String PUBLISHER_PROPERTY = "starling-publisher";

    private final String rule;
    private final String subscription;
    private final MqttQos qos;
    private final StarlingConnection connection;
    private final MessageSink sink;
    private final DeadLetters deadLetters;
    private final RuleMeters meters;
    private final Duration unhealthyAfter;
    private final boolean retainAsPublished;
    private volatile boolean draining;
    private volatile long lastFailureNanos;
    private volatile String lastFailure = "";

    public MqttSource(String rule, String filter, String sharedGroup, int qos, StarlingConnection connection,
                      MessageSink sink, DeadLetters deadLetters, RuleMeters meters, Duration unhealthyAfter) {
        this(rule, filter, sharedGroup, qos, connection, sink, deadLetters, meters, unhealthyAfter, false);
    }

    /**
     * {@code retainAsPublished}: the subscription asks for each message's own retain flag (MQTT 5's Retain As
     * Published) rather than 0, for a sink that passes the flag on to another broker.
     */
    public MqttSource(String rule, String filter, String sharedGroup, int qos, StarlingConnection connection,
                      MessageSink sink, DeadLetters deadLetters, RuleMeters meters, Duration unhealthyAfter,
                      boolean retainAsPublished) {
        this.rule = rule;
        this.subscription = sharedGroup == null || sharedGroup.isEmpty() ? filter
                : "$share/" + sharedGroup + "/" + filter;
        this.qos = MqttQos.fromCode(qos);
        this.connection = connection;
        this.sink = sink;
        this.deadLetters = deadLetters;
        this.meters = meters;
        this.unhealthyAfter = unhealthyAfter;
        this.retainAsPublished = retainAsPublished;
    }

    public String subscription() {
        return subscription;
    }

    public void start() {
        sink.start();
        connection.onMessage(this::onPublish);
        connection.onConnect(() -> connection.client().subscribeWith().topicFilter(subscription).qos(qos)
                .retainAsPublished(retainAsPublished).send()
                .thenApply(subAck -> {
                    subAck.getReasonCodes().stream().filter(code -> code.isError()).findFirst().ifPresent(code -> {
                        throw new IllegalStateException("subscribing to " + subscription + " was refused: " + code);
                    });
                    return subAck;
                }));
        connection.start();
    }

    private void onPublish(Mqtt5Publish publish) {
        if (draining) {
            // Left unacknowledged: the session sends it again when the bridge is back.
            return;
        }
        CompletableFuture<Void> connectionEnded = connection.connectionEnded();
        InboundMessage message = toMessage(publish);
        long ticket = meters.matched();
        CompletableFuture<Void> sent;
        try {
            sent = sink.send(message).toCompletableFuture();
            meters.sent();
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.handle((ok, failure) -> {
            if (failure == null) {
                publish.acknowledge();
                meters.acknowledged(ticket);
                return null;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof PoisonMessageException poison) {
                deadLetter(publish, connectionEnded, message, poison.getMessage(), ticket);
            } else {
                failed(publish, connectionEnded, ticket, cause);
            }
            return null;
        });
    }

    private void deadLetter(Mqtt5Publish publish, CompletableFuture<Void> connectionEnded, InboundMessage message,
                            String reason, long ticket) {
        LOG.debugf("rule %s: dead letter for %s: %s", rule, message.topic(), reason);
        deadLetters.send(message, reason).whenComplete((ok, failure) -> {
            if (failure == null) {
                publish.acknowledge();
                meters.deadLettered(ticket);
            } else {
                failed(publish, connectionEnded, ticket, failure);
            }
        });
    }

    /**
     * The message is to be sent again: its connection is dropped (unless it already ended), so the session
     * sends it again on the next one. It is still acknowledged to the client, but only once that connection
     * ended, when no PUBACK can go out for it: the client acknowledges in the order messages arrived, and one
     * never acknowledged would hold back every later acknowledgement of the session, for good.
     */
    private void failed(Mqtt5Publish publish, CompletableFuture<Void> connectionEnded, long ticket, Throwable cause) {
        meters.failed();
        meters.abandoned(ticket);
        lastFailure = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        lastFailureNanos = System.nanoTime();
        if (!connectionEnded.isDone()) {
            connection.restart("the destination failed: " + lastFailure);
        }
        connectionEnded.thenRun(publish::acknowledge);
    }

    private static InboundMessage toMessage(Mqtt5Publish publish) {
        String publisher = "";
        List<Map.Entry<String, String>> properties = new ArrayList<>();
        for (Mqtt5UserProperty property : publish.getUserProperties().asList()) {
            String key = property.getName().toString();
            String value = property.getValue().toString();
            if (key.equals(PUBLISHER_PROPERTY)) {
                publisher = value;
            } else {
                properties.add(new AbstractMap.SimpleImmutableEntry<>(key, value));
            }
        }
        return new InboundMessage(publish.getTopic().toString(), publish.getPayloadAsBytes(),
                publish.getQos().getCode(), publish.isRetain(), publisher,
                publish.getContentType().map(Object::toString), properties, System.currentTimeMillis());
    }

    public RuleHealth health() {
        if (!connection.connected()) {
            return RuleHealth.down("mqtt: " + connection.problem());
        }
        RuleHealth destination = sink.health();
        if (!destination.up()) {
            return destination;
        }
        double oldest = meters.oldestInFlightSeconds();
        if (oldest > unhealthyAfter.plus(sink.holdTime()).toSeconds()) {
            return RuleHealth.down(String.format("a message has waited %.0f s for the destination", oldest));
        }
        if (lastFailureNanos != 0 && System.nanoTime() - lastFailureNanos < unhealthyAfter.toNanos()) {
            return RuleHealth.down("the destination failed: " + lastFailure);
        }
        return RuleHealth.up("subscribed to " + subscription + ", " + meters.inFlight() + " in flight");
    }

    /** Stops reading, waits (bounded) for what is in flight, and disconnects; the session keeps collecting. */
    public void stop(Duration timeout) {
        draining = true;
        sink.flush();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (meters.inFlight() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (meters.inFlight() > 0) {
            LOG.warnf("rule %s: stopping with %d messages unconfirmed; Starling sends them again", rule,
                    meters.inFlight());
        }
        connection.stop();
        sink.close();
    }
}
