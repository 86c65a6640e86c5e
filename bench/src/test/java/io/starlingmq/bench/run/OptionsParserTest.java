package io.starlingmq.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.starlingmq.bench.load.MqttVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsParserTest {

    private static final Path REPO = Path.of("/repo");

    @Test
    void noArgumentsRunsTheDefaultPlanOfEveryScenario() {
        BenchOptions o = OptionsParser.parse(List.of(), REPO);
        assertThat(o.cases()).extracting(BenchCase::id).containsExactly(
                "fanin-qos0-search", "fanin-qos1-search", "fanin-qos1-10000", "fanout-qos1-5000", "pairs-qos1-10000",
                "persistent-qos1-search", "conn", "auth-connect", "overload-qos1-max");
        assertThat(o.needsJwt()).isTrue();
        assertThat(o.warmUp()).isEqualTo(Duration.ofSeconds(3));
        assertThat(o.warmUpLimit()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.heapMb()).isEqualTo(512);
        assertThat(o.repeats()).isEqualTo(3);
        assertThat(o.output()).isEqualTo(REPO.resolve("BENCHMARKS.md"));
    }

    @Test
    void explicitQosAndRatesMultiplyOverTheNamedScenarios() {
        BenchOptions o = OptionsParser.parse(List.of("fanin", "--qos", "0,1", "--rate", "2000,max", "--mqtt", "3.1.1"), REPO);
        assertThat(o.cases()).extracting(BenchCase::id).containsExactly(
                "fanin-qos0-2000", "fanin-qos0-max", "fanin-qos1-2000", "fanin-qos1-max");
        assertThat(o.version()).isEqualTo(MqttVersion.V311);
    }

    @Test
    void authConnectRunsOnceWhateverRateWasAskedAndNeedsTheJwtSide() {
        BenchOptions o = OptionsParser.parse(List.of("auth-connect", "--rate", "2000", "--connections", "2000"), REPO);
        assertThat(o.cases()).extracting(BenchCase::id).containsExactly("auth-connect");
        assertThat(o.needsJwt()).isTrue();
        assertThat(o.params().connections()).isEqualTo(2000);
    }

    @Test
    void scenariosWithoutAuthenticationLeaveTheJwtSideOff() {
        assertThat(OptionsParser.parse(List.of("fanin", "conn"), REPO).needsJwt()).isFalse();
    }

    @Test
    void warmUpCanBeTurnedOffAndTheHeapSized() {
        BenchOptions o = OptionsParser.parse(List.of("fanin", "--warm-up", "0", "--heap-mb", "1024"), REPO);
        assertThat(o.warmUp()).isZero();
        assertThat(OptionsParser.parse(List.of("fanin", "--warm-up-max", "5"), REPO).warmUpLimit())
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(o.heapMb()).isEqualTo(1024);
    }

    @Test
    void aHeapBelowTheFloorIsRefused() {
        assertThatThrownBy(() -> OptionsParser.parse(List.of("--heap-mb", "16"), REPO)).hasMessageContaining("--heap-mb");
    }

    @Test
    void usageNamesEveryScenario() {
        assertThat(OptionsParser.USAGE).contains("auth-connect").contains("conn").contains("overload").contains("--warm-up")
                .contains("--heap-mb").contains("--ack-rate");
    }

    @Test
    void payloadBelowTheHeaderIsRefused() {
        assertThatThrownBy(() -> OptionsParser.parse(List.of("--payload", "8"), REPO)).hasMessageContaining("--payload");
    }

    @Test
    void connectionCountAndSourcesAreConfigurable() {
        BenchOptions o = OptionsParser.parse(List.of("conn", "--connections", "100000", "--sources", "8"), REPO);
        assertThat(o.params().connections()).isEqualTo(100_000);
        assertThat(o.params().sourceAddresses()).isEqualTo(8);
    }

    @Test
    void overloadGivenOnlyAQosPublishesUnpacedRatherThanSearching() {
        BenchOptions o = OptionsParser.parse(List.of("overload", "--qos", "1,2", "--ack-rate", "250"), REPO);
        assertThat(o.cases()).extracting(BenchCase::id).containsExactly("overload-qos1-max", "overload-qos2-max");
        assertThat(o.params().subscriberAcksPerSecond()).isEqualTo(250);
    }

    @Test
    void fanInGivenOnlyAQosStillSearches() {
        assertThat(OptionsParser.parse(List.of("fanin", "--qos", "1"), REPO).cases()).extracting(BenchCase::id)
                .containsExactly("fanin-qos1-search");
    }
}
