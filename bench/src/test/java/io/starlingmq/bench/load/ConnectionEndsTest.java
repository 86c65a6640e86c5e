package io.starlingmq.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.starlingmq.bench.client.BenchClient;
import io.starlingmq.bench.client.ConnectionEnd;
import java.util.List;
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
        BenchClient ended = StubBenchClient.endedWith(ConnectionEnd.disconnect(0x89));
        BenchClient up = StubBenchClient.endedWith(null);
        assertThat(ConnectionEnds.of(List.of(ended, up, ended)).describe()).isEqualTo("2 of 3: DISCONNECT 0x89 ×2");
    }

    @Test
    void aReasonCodeMustFitAByte() {
        assertThatThrownBy(() -> ConnectionEnd.disconnect(256)).isInstanceOf(IllegalArgumentException.class);
    }
}
