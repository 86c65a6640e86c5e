package io.starlingmq.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.starlingmq.bench.client.MqttVersion;
import io.starlingmq.bench.load.ClientKind;
import io.starlingmq.bench.load.LoadSettings;
import io.starlingmq.bench.load.Rate;
import io.starlingmq.bench.load.RunResult;
import io.starlingmq.bench.stats.Percentiles;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FanInLoadScenarioTest {

    private static LoadSettings load(int qos, Rate rate) {
        return new LoadSettings(MqttVersion.V5, qos, 64, Duration.ofSeconds(20), rate, LoadSettings.BROKER_WINDOW, ClientKind.NETTY);
    }

    private static RunResult run(double sent, double lost, double publishersDisconnected, String note) {
        return new RunResult(Map.of(RunResult.SENT, sent, RunResult.LOST, lost,
                RunResult.PUBLISHERS_DISCONNECTED, publishersDisconnected, RunResult.SUBSCRIBERS_DISCONNECTED, 0.0),
                Percentiles.NONE, true, note);
    }

    @Test
    void unpacedQos0MayLoseButLossIsReported() {
        RunResult r = FanInLoadScenario.judged(run(1_000_000, 5_000, 0, ""), load(0, Rate.UNLIMITED));
        assertThat(r.passed()).isTrue();
        assertThat(r.note()).isEqualTo("5000 of 1000000 lost (unpaced QoS 0: reported, not failed)");
    }

    @Test
    void aDisconnectedPublisherFailsEvenUnpacedQos0() {
        RunResult r = FanInLoadScenario.judged(run(1_000, 0, 4, "publishers ended by the broker, 4 of 4: DISCONNECT 0x89 ×4"),
                load(0, Rate.UNLIMITED));
        assertThat(r.passed()).isFalse();
        assertThat(r.note()).contains("DISCONNECT 0x89 ×4");
    }

    @Test
    void qos1FailsOnAnyLoss() {
        assertThat(FanInLoadScenario.judged(run(200_000, 42, 0, ""), load(1, Rate.paced(10_000))).passed()).isFalse();
        assertThat(FanInLoadScenario.judged(run(200_000, 0, 0, ""), load(1, Rate.paced(10_000))).passed()).isTrue();
    }

    @Test
    void pacedQos0FailsOnLossToo() {
        assertThat(FanInLoadScenario.judged(run(100, 1, 0, ""), load(0, Rate.paced(10_000))).passed()).isFalse();
    }

    @Test
    void issue14sDurationsAreTheDefaults() {
        FanInLoadScenario s = new FanInLoadScenario();
        assertThat(s.defaultDuration(0, Rate.UNLIMITED)).contains(Duration.ofSeconds(15));
        assertThat(s.defaultDuration(1, Rate.UNLIMITED)).contains(Duration.ofSeconds(20));
        assertThat(s.defaultDuration(1, Rate.paced(30_000))).contains(Duration.ofSeconds(20));
    }
}
