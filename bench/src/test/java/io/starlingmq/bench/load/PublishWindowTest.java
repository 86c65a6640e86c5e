package io.starlingmq.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.starlingmq.bench.client.BenchClient;
import io.starlingmq.bench.client.MqttVersion;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PublishWindowTest {

    private static LoadSettings settings(int qos, int window) {
        return new LoadSettings(MqttVersion.V5, qos, 64, Duration.ofSeconds(1), Rate.UNLIMITED, window, ClientKind.NETTY);
    }

    private static BenchClient granted(OptionalInt receiveMaximum) {
        return StubBenchClient.granted(receiveMaximum);
    }

    @Test
    void aFixedWindowIsKeptWhateverTheBrokerGrants() {
        assertThat(PublishWindow.of(settings(1, 32), granted(OptionalInt.of(20)))).isEqualTo(32);
    }

    @Test
    void theBrokersWindowAtQos1IsItsReceiveMaximum() {
        assertThat(PublishWindow.of(settings(1, LoadSettings.BROKER_WINDOW), granted(OptionalInt.of(20)))).isEqualTo(20);
        assertThat(PublishWindow.of(settings(2, LoadSettings.BROKER_WINDOW), granted(OptionalInt.of(65_535)))).isEqualTo(65_535);
    }

    @Test
    void withoutAReceiveMaximumTheClassicWindowHolds() {
        assertThat(PublishWindow.of(settings(1, LoadSettings.BROKER_WINDOW), granted(OptionalInt.empty())))
                .isEqualTo(PublishWindow.WITHOUT_RECEIVE_MAXIMUM);
    }

    @Test
    void atQos0TheBrokersWindowIsABoundOnUnwrittenPublishes() {
        assertThat(PublishWindow.of(settings(0, LoadSettings.BROKER_WINDOW), granted(OptionalInt.of(20))))
                .isEqualTo(PublishWindow.QOS0_UNWRITTEN);
    }
}
