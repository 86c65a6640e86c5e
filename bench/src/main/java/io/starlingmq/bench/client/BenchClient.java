package io.starlingmq.bench.client;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/** The few operations a benchmark needs, the same for MQTT 3.1.1 and 5.0 and for either client library. */
public interface BenchClient {

    /** @param persistent keep the session (and queue QoS>0 messages) while disconnected */
    CompletableFuture<Void> connect(boolean persistent);

    CompletableFuture<Void> subscribe(String filter, int qos);

    /** Completes once the broker acknowledged (QoS 1/2) or the bytes were written (QoS 0). */
    CompletableFuture<Void> publish(String topic, int qos, byte[] payload);

    CompletableFuture<Void> disconnect();

    /**
     * How the broker ended this client's connection without being asked (a DISCONNECT with its reason code,
     * or the connection closed); empty while it is connected, and after the bench's own disconnect.
     */
    default Optional<ConnectionEnd> endedByBroker() {
        return Optional.empty();
    }

    /**
     * QoS 1/2 publishes the broker lets this client have unacknowledged, known after CONNACK: its MQTT 5
     * Receive Maximum (65,535 when it announces none); empty for MQTT 3.1.1, which has no such limit.
     */
    default OptionalInt brokerReceiveMaximum() {
        return OptionalInt.empty();
    }
}
