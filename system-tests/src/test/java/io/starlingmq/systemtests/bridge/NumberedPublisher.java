package io.starlingmq.systemtests.bridge;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A HiveMQ MQTT 5 client on its own thread publishing {@code count} QoS 1 messages, one after another, each
 * awaited: payload {@code <clientId>:<n>}, user property {@code seq=<n>}. {@link #acknowledged()} holds the
 * numbers whose PUBACK came back, the ones that must not be lost.
 */
final class NumberedPublisher implements AutoCloseable {

    private final String clientId;
    private final Mqtt5BlockingClient client;
    private final List<Integer> acknowledged = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private Future<?> run;

    NumberedPublisher(String clientId, int port) {
        this.clientId = clientId;
        this.client = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1").serverPort(port)
                .buildBlocking();
        client.connectWith().cleanStart(true).send();
    }

    static String payload(String clientId, int n) {
        return clientId + ":" + n;
    }

    /** Publishes {@code count} messages to {@code topic}, {@code pauseMillis} apart, in the background. */
    NumberedPublisher start(String topic, int count, long pauseMillis) {
        run = thread.submit(() -> {
            for (int n = 0; n < count; n++) {
                client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                        .payload(payload(clientId, n).getBytes(StandardCharsets.UTF_8))
                        .userProperties().add("seq", Integer.toString(n)).applyUserProperties().send();
                acknowledged.add(n);
                Thread.sleep(pauseMillis);
            }
            return null;
        });
        return this;
    }

    /** Waits until every message was acknowledged; fails with the publisher's own failure. */
    List<String> awaitAcknowledged() throws Exception {
        run.get();
        synchronized (acknowledged) {
            return acknowledged.stream().map(n -> payload(clientId, n)).toList();
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        if (client.getState().isConnected()) {
            client.disconnect();
        }
    }
}
