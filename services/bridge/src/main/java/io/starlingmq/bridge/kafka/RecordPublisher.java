package io.starlingmq.bridge.kafka;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.exceptions.MqttEncodeException;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserPropertiesBuilder;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperties;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubRecException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.pubrec.Mqtt5PubRecReasonCode;
import io.starlingmq.bridge.template.Template;
import io.starlingmq.bridge.template.TemplateException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Publishes one Kafka record to Starling as its rule's templates say, and tells what became of it. At QoS 1
 * and 2 the gateway acknowledges only once the router routed the message; a refusal that names the message
 * itself (not authorized, a bad topic, too large, a bad payload format) makes it a dead letter, anything else
 * (the connection lost, the broker busy) a retry.
 */
final class RecordPublisher {

    private static final Set<Mqtt5PubAckReasonCode> REFUSED_FOR_GOOD = Set.of(Mqtt5PubAckReasonCode.NOT_AUTHORIZED,
            Mqtt5PubAckReasonCode.TOPIC_NAME_INVALID, Mqtt5PubAckReasonCode.PAYLOAD_FORMAT_INVALID);
    private static final Set<Mqtt5PubRecReasonCode> REC_REFUSED_FOR_GOOD = Set.of(
            Mqtt5PubRecReasonCode.NOT_AUTHORIZED, Mqtt5PubRecReasonCode.TOPIC_NAME_INVALID,
            Mqtt5PubRecReasonCode.PAYLOAD_FORMAT_INVALID);

    private final KafkaToMqttRule rule;
    private final Mqtt5AsyncClient client;

    RecordPublisher(KafkaToMqttRule rule, Mqtt5AsyncClient client) {
        this.rule = rule;
        this.client = client;
    }

    CompletableFuture<PublishOutcome> publish(ConsumerRecord<byte[], byte[]> record) {
        CompletableFuture<Mqtt5PublishResult> sent;
        try {
            RecordVariables variables = new RecordVariables(record);
            Mqtt5UserPropertiesBuilder properties = Mqtt5UserProperties.builder();
            for (Map.Entry<String, Template> property : rule.userProperties().entrySet()) {
                properties.add(property.getKey(), property.getValue().render(variables));
            }
            var publish = client.publishWith()
                    .topic(rule.mqttTopic().render(variables))
                    .qos(MqttQos.fromCode(rule.qos()))
                    .retain(Boolean.parseBoolean(rule.retain().render(variables).trim()))
                    .payload(rule.payload().renderBytes(variables))
                    .userProperties(properties.build());
            if (rule.contentType().isPresent()) {
                publish = publish.contentType(rule.contentType().get().render(variables));
            }
            sent = publish.send();
        } catch (TemplateException e) {
            return CompletableFuture.completedFuture(PublishOutcome.poison(e.getMessage()));
        } catch (IllegalArgumentException e) {
            // The client refuses what MQTT forbids (a topic with wildcards, an empty topic) before sending.
            return CompletableFuture.completedFuture(PublishOutcome.poison("not a valid MQTT message: "
                    + e.getMessage()));
        }
        return sent.handle((result, failure) -> {
            Throwable error = failure != null ? unwrap(failure) : result.getError().orElse(null);
            return error == null ? PublishOutcome.CARRIED : classify(error);
        });
    }

    private static PublishOutcome classify(Throwable error) {
        if (error instanceof Mqtt5PubAckException ack
                && REFUSED_FOR_GOOD.contains(ack.getMqttMessage().getReasonCode())) {
            return PublishOutcome.poison("the broker refused it: " + ack.getMqttMessage().getReasonCode());
        }
        if (error instanceof Mqtt5PubRecException rec
                && REC_REFUSED_FOR_GOOD.contains(rec.getMqttMessage().getReasonCode())) {
            return PublishOutcome.poison("the broker refused it: " + rec.getMqttMessage().getReasonCode());
        }
        if (error instanceof MqttEncodeException) {
            return PublishOutcome.poison("cannot be sent: " + error.getMessage());
        }
        return PublishOutcome.retry(error.getClass().getSimpleName() + ": " + error.getMessage());
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
