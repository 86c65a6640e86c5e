package io.starlingmq.bench.load;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import io.starlingmq.bench.client.BenchClient;
import io.starlingmq.bench.client.ConnectionEnd;
import io.starlingmq.bench.client.Credentials;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

final class Mqtt3BenchClient implements BenchClient {

    private final Mqtt3AsyncClient client;
    private final Credentials credentials;
    private final HiveMqConnectionWatch watch;

    /** @param watch the disconnected listener the client was built with; null when it has none */
    Mqtt3BenchClient(Mqtt3AsyncClient client, Consumer<ByteBuffer> onMessage, Credentials credentials,
            HiveMqConnectionWatch watch) {
        this.client = client;
        this.credentials = credentials;
        this.watch = watch;
        if (onMessage != null) {
            // Global callback so messages queued in a persistent session, sent right after CONNACK, are seen.
            client.publishes(MqttGlobalPublishFilter.ALL, p -> onMessage.accept(p.getPayload().orElse(ByteBuffer.allocate(0))));
        }
    }

    @Override
    public CompletableFuture<Void> connect(boolean persistent) {
        var connect = client.connectWith().cleanSession(!persistent).keepAlive(60);
        if (credentials != null) {
            connect.simpleAuth().username(credentials.username()).password(credentials.password()).applySimpleAuth();
        }
        return connect.send().thenApply(ack -> {
            if (watch != null) {
                watch.connected();
            }
            return null;
        });
    }

    @Override
    public Optional<ConnectionEnd> endedByBroker() {
        return watch == null ? Optional.empty() : watch.end();
    }

    @Override
    public CompletableFuture<Void> subscribe(String filter, int qos) {
        return client.subscribeWith().topicFilter(filter).qos(MqttQos.fromCode(qos)).send().thenApply(ack -> null);
    }

    @Override
    public CompletableFuture<Void> publish(String topic, int qos, byte[] payload) {
        return client.publishWith().topic(topic).qos(MqttQos.fromCode(qos)).payload(payload).send().thenApply(p -> null);
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        return client.disconnect();
    }
}
