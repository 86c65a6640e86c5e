package io.starlingmq.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.starlingmq.gateway.support.TestRouter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Proves a transport carries MQTT both ways: a publish reaches the router, a delivery reaches the client. */
final class MessageExchange {

    static final Duration WAIT = Duration.ofSeconds(15);

    private MessageExchange() {
    }

    static void exchange(Mqtt5BlockingClient client, String clientId, TestRouter router) throws InterruptedException {
        client.connect();
        try (Mqtt5BlockingClient.Mqtt5Publishes publishes = client.publishes(MqttGlobalPublishFilter.ALL)) {
            client.subscribeWith().topicFilter("down/" + clientId).qos(MqttQos.AT_LEAST_ONCE).send();
            client.publishWith().topic("up/" + clientId).qos(MqttQos.AT_LEAST_ONCE)
                    .payload(("from " + clientId).getBytes(StandardCharsets.UTF_8)).send();
            await().atMost(WAIT).until(() -> Deliveries.published(router, clientId, "up/" + clientId,
                    "from " + clientId));

            router.send(Deliveries.deliver(router.connectionIdOf(clientId), "down/" + clientId, "to " + clientId));
            Optional<Mqtt5Publish> received = publishes.receive(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(received).isPresent();
            assertThat(received.get().getTopic().toString()).isEqualTo("down/" + clientId);
            assertThat(new String(received.get().getPayloadAsBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("to " + clientId);
        } finally {
            client.disconnect();
        }
    }
}
