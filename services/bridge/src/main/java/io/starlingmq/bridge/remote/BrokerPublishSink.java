package io.starlingmq.bridge.remote;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperties;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserPropertiesBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import io.starlingmq.bridge.mqtt.InboundMessage;
import io.starlingmq.bridge.mqtt.MessageSink;
import io.starlingmq.bridge.mqtt.MessageVariables;
import io.starlingmq.bridge.mqtt.PoisonMessageException;
import io.starlingmq.bridge.mqtt.StarlingConnection;
import io.starlingmq.bridge.rule.RuleHealth;
import io.starlingmq.bridge.template.Template;
import io.starlingmq.bridge.template.TemplateException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Publishes each message to a broker through its own connection (the remote broker for {@code mqtt-to-mqtt},
 * Starling for {@code mqtt-from-mqtt}) on the rule's topic template, at the rule's QoS, keeping the retain
 * flag, the user properties and the content type. A send completes once that broker acknowledged the message
 * (PUBACK at QoS 1, PUBCOMP at QoS 2), so the source acknowledges it only then.
 *
 * <p>While the connection is down the client holds the publishes and sends them after it reconnected. The
 * connection starts clean each time: a publish whose connection ended fails (its session ended with it), the
 * source's session sends the message again, and no stale packet identifier of an earlier process can make the
 * broker drop a new QoS 2 message as a duplicate. So the guarantee is at least once; QoS 2 keeps a message
 * from being doubled on the hop while the connection lasts.
 */
public final class BrokerPublishSink implements MessageSink {

    private final String broker;
    private final StarlingConnection connection;
    private final Template topic;
    private final MqttQos qos;

    /** {@code broker} names the destination in reasons and health ("remote broker mqtt://host:1883"). */
    public BrokerPublishSink(String broker, StarlingConnection connection, Template topic, int qos) {
        this.broker = broker;
        this.connection = connection;
        this.topic = topic;
        this.qos = MqttQos.fromCode(qos);
    }

    @Override
    public void start() {
        connection.start();
    }

    @Override
    public CompletionStage<Void> send(InboundMessage message) {
        CompletableFuture<Mqtt5PublishResult> sent;
        try {
            Mqtt5UserPropertiesBuilder properties = Mqtt5UserProperties.builder();
            for (Map.Entry<String, String> property : message.userProperties()) {
                properties.add(property.getKey(), property.getValue());
            }
            var publish = connection.client().publishWith()
                    .topic(topic.render(new MessageVariables(message)))
                    .qos(qos)
                    .retain(message.retain())
                    .payload(message.payload())
                    .userProperties(properties.build());
            if (message.contentType().isPresent()) {
                publish = publish.contentType(message.contentType().get());
            }
            sent = publish.send();
        } catch (TemplateException e) {
            return CompletableFuture.failedFuture(new PoisonMessageException(e.getMessage()));
        } catch (IllegalArgumentException e) {
            // The client refuses what MQTT forbids (a rendered topic with wildcards, empty) before sending.
            return CompletableFuture.failedFuture(new PoisonMessageException("not a valid MQTT message for "
                    + broker + ": " + e.getMessage()));
        }
        return sent.handle((result, failure) -> {
            Throwable error = failure != null ? unwrap(failure) : result.getError().orElse(null);
            if (error != null) {
                Throwable classified = PublishRefusals.classify(broker, error);
                throw classified instanceof CompletionException wrapped ? wrapped
                        : new CompletionException(classified);
            }
            return null;
        });
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    @Override
    public RuleHealth health() {
        return connection.connected() ? RuleHealth.up(broker + " connected")
                : RuleHealth.down(broker + ": " + connection.problem());
    }

    @Override
    public void close() {
        connection.stop();
    }
}
