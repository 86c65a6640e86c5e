package io.starlingmq.bench.load;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectRestrictions;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

final class Mqtt5BenchClient implements BenchClient {

    /** Persistent sessions outlive any benchmark run, and are cleaned by the next clean connect. */
    private static final long PERSISTENT_SESSION_EXPIRY_SECONDS = 3600;

    private final Mqtt5AsyncClient client;
    private final Credentials credentials;
    private final int receiveMaximum;

    Mqtt5BenchClient(Mqtt5AsyncClient client, Consumer<ByteBuffer> onMessage, Credentials credentials) {
        this(client, onMessage, credentials, 0);
    }

    /** @param receiveMaximum the Receive Maximum sent in CONNECT; 0 keeps the client's default (65,535) */
    Mqtt5BenchClient(Mqtt5AsyncClient client, Consumer<ByteBuffer> onMessage, Credentials credentials, int receiveMaximum) {
        this.client = client;
        this.credentials = credentials;
        this.receiveMaximum = receiveMaximum;
        if (onMessage != null) {
            // Global callback so messages queued in a persistent session, sent right after CONNACK, are seen.
            client.publishes(MqttGlobalPublishFilter.ALL, p -> onMessage.accept(p.getPayload().orElse(ByteBuffer.allocate(0))));
        }
    }

    @Override
    public CompletableFuture<Void> connect(boolean persistent) {
        var connect = client.connectWith()
                .cleanStart(!persistent)
                .sessionExpiryInterval(persistent ? PERSISTENT_SESSION_EXPIRY_SECONDS : 0)
                .keepAlive(60);
        if (receiveMaximum > 0) {
            connect.restrictions(Mqtt5ConnectRestrictions.builder().receiveMaximum(receiveMaximum).build());
        }
        if (credentials != null) {
            connect.simpleAuth().username(credentials.username()).password(credentials.password()).applySimpleAuth();
        }
        return connect.send().thenApply(ack -> null);
    }

    @Override
    public CompletableFuture<Void> subscribe(String filter, int qos) {
        return client.subscribeWith().topicFilter(filter).qos(MqttQos.fromCode(qos)).send().thenApply(ack -> null);
    }

    @Override
    public CompletableFuture<Void> publish(String topic, int qos, byte[] payload) {
        return client.publishWith().topic(topic).qos(MqttQos.fromCode(qos)).payload(payload).send()
                .thenCompose(Mqtt5BenchClient::failOnError);
    }

    private static CompletableFuture<Void> failOnError(Mqtt5PublishResult result) {
        return result.getError().<CompletableFuture<Void>>map(CompletableFuture::failedFuture)
                .orElseGet(() -> CompletableFuture.completedFuture(null));
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        return client.disconnect();
    }
}
