package io.starlingmq.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ConnectionEndsTest {

    @Test
    void endsAreCountedByReasonCodeWithClosedConnectionsLast() {
        ConnectionEnds ends = new ConnectionEnds(5, List.of(ConnectionEnd.CLOSED, ConnectionEnd.disconnect(0x89),
                ConnectionEnd.disconnect(0x89), ConnectionEnd.disconnect(0x87)));
        assertThat(ends.ended()).isEqualTo(4);
        assertThat(ends.describe()).isEqualTo("4 of 5: DISCONNECT 0x87 ×1, DISCONNECT 0x89 ×2, closed without DISCONNECT ×1");
    }

    @Test
    void noEndSaysNothing() {
        assertThat(new ConnectionEnds(4, List.of()).describe()).isEmpty();
    }

    @Test
    void anEndIsReadFromEachClient() {
        BenchClient ended = new FakeClient(ConnectionEnd.disconnect(0x89));
        BenchClient up = new FakeClient(null);
        assertThat(ConnectionEnds.of(List.of(ended, up, ended)).describe()).isEqualTo("2 of 3: DISCONNECT 0x89 ×2");
    }

    @Test
    void aReasonCodeMustFitAByte() {
        assertThatThrownBy(() -> ConnectionEnd.disconnect(256)).isInstanceOf(IllegalArgumentException.class);
    }

    private record FakeClient(ConnectionEnd end) implements BenchClient {
        @Override
        public CompletableFuture<Void> connect(boolean persistent) {
            return null;
        }

        @Override
        public CompletableFuture<Void> subscribe(String filter, int qos) {
            return null;
        }

        @Override
        public CompletableFuture<Void> publish(String topic, int qos, byte[] payload) {
            return null;
        }

        @Override
        public CompletableFuture<Void> disconnect() {
            return null;
        }

        @Override
        public Optional<ConnectionEnd> endedByBroker() {
            return Optional.ofNullable(end);
        }
    }
}
