package io.starlingmq.bench.load;

import java.util.concurrent.CompletableFuture;

/** The few operations a benchmark needs, the same for MQTT 3.1.1 and 5.0. */
public interface BenchClient {

    /** @param persistent keep the session (and queue QoS>0 messages) while disconnected */
    CompletableFuture<Void> connect(boolean persistent);

    CompletableFuture<Void> subscribe(String filter, int qos);

    /** Completes once the broker acknowledged (QoS 1/2) or the bytes were written (QoS 0). */
    CompletableFuture<Void> publish(String topic, int qos, byte[] payload);

    CompletableFuture<Void> disconnect();
}
