package io.starlingmq.bridge.mqtt;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperties;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserPropertiesBuilder;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Dead letters of a rule that writes somewhere other than Kafka: the message is published back to Starling,
 * at QoS 1, on the rule's dead-letter topic (by default {@code starling/bridge/dead-letter/<rule>}), with its
 * original topic and the reason as user properties, so an operator can subscribe to it or retain it elsewhere.
 */
public final class MqttDeadLetters implements DeadLetters {

    private final String rule;
    private final String topic;
    private final StarlingConnection connection;

    public MqttDeadLetters(String rule, String topic, StarlingConnection connection) {
        this.rule = rule;
        this.topic = topic;
        this.connection = connection;
    }

    public static String defaultTopic(String rule) {
        return "starling/bridge/dead-letter/" + rule;
    }

    @Override
    public CompletionStage<Void> send(InboundMessage message, String reason) {
        Mqtt5UserPropertiesBuilder properties = Mqtt5UserProperties.builder()
                .add("starling-rule", rule)
                .add("starling-reason", reason)
                .add("starling-source-topic", message.topic());
        for (Map.Entry<String, String> property : message.userProperties()) {
            properties.add(property.getKey(), property.getValue());
        }
        return connection.client().publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                .payload(message.payload()).userProperties(properties.build()).send()
                .thenAccept(result -> result.getError().ifPresent(error -> {
                    throw new IllegalStateException("dead letter refused: " + error.getMessage(), error);
                }));
    }
}
