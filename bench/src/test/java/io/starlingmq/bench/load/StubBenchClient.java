package io.starlingmq.bench.load;

import io.starlingmq.bench.client.BenchClient;
import io.starlingmq.bench.client.ConnectionEnd;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/** A client that only answers what the broker told it: how it ended the connection and the window it granted. */
record StubBenchClient(ConnectionEnd end, OptionalInt receiveMaximum) implements BenchClient {

    static StubBenchClient endedWith(ConnectionEnd end) {
        return new StubBenchClient(end, OptionalInt.empty());
    }

    static StubBenchClient granted(OptionalInt receiveMaximum) {
        return new StubBenchClient(null, receiveMaximum);
    }

    @Override
    public CompletableFuture<Void> connect(boolean persistent) {
        throw new UnsupportedOperationException("a stub does not connect");
    }

    @Override
    public CompletableFuture<Void> subscribe(String filter, int qos) {
        throw new UnsupportedOperationException("a stub does not subscribe");
    }

    @Override
    public CompletableFuture<Void> publish(String topic, int qos, byte[] payload) {
        throw new UnsupportedOperationException("a stub does not publish");
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        throw new UnsupportedOperationException("a stub does not disconnect");
    }

    @Override
    public Optional<ConnectionEnd> endedByBroker() {
        return Optional.ofNullable(end);
    }

    @Override
    public OptionalInt brokerReceiveMaximum() {
        return receiveMaximum;
    }
}
