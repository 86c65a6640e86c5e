package io.starlingmq.systemtests.bridge;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A device publishing numbered QoS 1 messages ({@code <client>:<n>}, user property {@code seq}, content type
 * text/plain) and remembering which ones the broker acknowledged: the messages that must not be lost.
 */
final class SequencedPublisher implements AutoCloseable {

    private final String clientId;
    private final Mqtt5BlockingClient client;
    private final List<Integer> acknowledged = new ArrayList<>();
    private int next;

    SequencedPublisher(String clientId, int port) {
        this.clientId = clientId;
        this.client = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1").serverPort(port)
                .buildBlocking();
        client.connect();
    }

    /** Publishes {@code count} more messages to {@code topic}, each waiting for its PUBACK. */
    void publish(String topic, int count) {
        for (int i = 0; i < count; i++) {
            int seq = next++;
            client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                    .payload((clientId + ":" + seq).getBytes(StandardCharsets.UTF_8))
                    .contentType("text/plain")
                    .userProperties().add("seq", Integer.toString(seq)).applyUserProperties()
                    .send();
            acknowledged.add(seq);
        }
    }

    String clientId() {
        return clientId;
    }

    List<Integer> acknowledged() {
        return List.copyOf(acknowledged);
    }

    @Override
    public void close() {
        client.disconnect();
    }
}
