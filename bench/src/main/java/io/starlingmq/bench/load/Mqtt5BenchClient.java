package io.starlingmq.bench.load;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectRestrictions;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import io.starlingmq.bench.client.BenchClient;
import io.starlingmq.bench.client.ConnectionEnd;
import io.starlingmq.bench.client.Credentials;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

final class Mqtt5BenchClient implements BenchClient {

    /** Persistent sessions outlive any benchmark run, and are cleaned by the next clean connect. */
    private static final long PERSISTENT_SESSION_EXPIRY_SECONDS = 3600;

    private final Mqtt5AsyncClient client;
    private final Credentials credentials;
    private final int receiveMaximum;
    private final HiveMqConnectionWatch watch;
    private volatile int brokerReceiveMaximum;

    Mqtt5BenchClient(Mqtt5AsyncClient client, Consumer<ByteBuffer> onMessage, Credentials credentials,
            HiveMqConnectionWatch watch) {
        this(client, onMessage, credentials, 0, watch);
    }

    /**
     * @param receiveMaximum the Receive Maximum sent in CONNECT; 0 keeps the client's default (65,535)
     * @param watch the disconnected listener the client was built with; null when it has none
     */
    Mqtt5BenchClient(Mqtt5AsyncClient client, Consumer<ByteBuffer> onMessage, Credentials credentials, int receiveMaximum,
            HiveMqConnectionWatch watch) {
        this.client = client;
        this.credentials = credentials;
        this.receiveMaximum = receiveMaximum;
        this.watch = watch;
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
        return connect.send().thenApply(ack -> {
            brokerReceiveMaximum = ack.getRestrictions().getReceiveMaximum();
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
    public OptionalInt brokerReceiveMaximum() {
        return brokerReceiveMaximum == 0 ? OptionalInt.empty() : OptionalInt.of(brokerReceiveMaximum);
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
