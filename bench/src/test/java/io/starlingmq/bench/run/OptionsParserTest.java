package io.starlingmq.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.starlingmq.bench.brokers.MosquittoConfig;
import io.starlingmq.bench.brokers.RedisForm;
import io.starlingmq.bench.client.MqttVersion;
import io.starlingmq.bench.load.ClientKind;
import io.starlingmq.bench.load.LoadSettings;
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
                "persistent-qos1-search", "conn", "auth-connect", "overload-qos1-max", "overload-qos0-max-netty",
                "fanin-load-qos0-max", "fanin-load-qos1-max", "fanin-load-qos1-10000", "fanin-load-qos1-10000-hivemq",
                "conn-latency-qos1-1000");
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
    void theSessionRedisIsOneServerUnlessAFormIsAskedFor() {
        assertThat(OptionsParser.parse(List.of("persistent"), REPO).redis()).isEqualTo(RedisForm.SINGLE);
        assertThat(OptionsParser.parse(List.of("persistent", "--redis", "cluster"), REPO).redis()).isEqualTo(RedisForm.CLUSTER);
        BenchOptions o = OptionsParser.parse(List.of("persistent", "--redis", "cluster-wait"), REPO);
        assertThat(o.redis()).isEqualTo(RedisForm.CLUSTER_WAIT);
        assertThat(o.redis().waitReplicas()).isEqualTo(1);
        assertThat(RedisForm.CLUSTER.waitReplicas()).isZero();
        assertThatThrownBy(() -> OptionsParser.parse(List.of("--redis", "sharded"), REPO))
                .hasMessageContaining("--redis sharded").hasMessageContaining("cluster-wait");
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

    @Test
    void fanInLoadRunsTheRawClientAgainstMosquittoAtItsDefaultsFillingTheBrokersWindow() {
        BenchOptions o = OptionsParser.parse(List.of("fanin-load", "--qos", "1", "--rate", "10000,20000,30000"), REPO);
        assertThat(o.cases()).extracting(BenchCase::id).containsExactly(
                "fanin-load-qos1-10000", "fanin-load-qos1-20000", "fanin-load-qos1-30000");
        BenchCase c = o.cases().get(0);
        assertThat(c.client()).isEqualTo(ClientKind.NETTY);
        assertThat(c.mosquitto()).isEqualTo(MosquittoConfig.DEFAULTS);
        assertThat(o.windowFor(c)).isEqualTo(LoadSettings.BROKER_WINDOW);
        assertThat(o.durationFor(c)).isEqualTo(Duration.ofSeconds(20));
        assertThat(o.params().loadPublishers()).isEqualTo(4);
        assertThat(o.mosquittoConfigs()).containsExactly(MosquittoConfig.DEFAULTS);
    }

    @Test
    void anExplicitDurationWindowAndPublisherCountHoldForEveryCase() {
        BenchOptions o = OptionsParser.parse(List.of("fanin-load", "fanin", "--duration", "5", "--window", "8",
                "--publishers", "2"), REPO);
        for (BenchCase c : o.cases()) {
            assertThat(o.durationFor(c)).isEqualTo(Duration.ofSeconds(5));
            assertThat(o.windowFor(c)).isEqualTo(8);
        }
        assertThat(o.params().loadPublishers()).isEqualTo(2);
        assertThat(o.params().publishers()).isEqualTo(2);
    }

    @Test
    void clientsAndMosquittoConfigsMultiplyTheCasesAndNameTheirDifference() {
        BenchOptions o = OptionsParser.parse(List.of("fanin", "--qos", "1", "--rate", "5000", "--client", "hivemq,netty",
                "--mosquitto", "defaults"), REPO);
        assertThat(o.cases()).extracting(BenchCase::id).containsExactly(
                "fanin-qos1-5000-mosquitto-defaults", "fanin-qos1-5000-netty-mosquitto-defaults");
        assertThat(o.cases().get(1).label()).contains("raw Netty client").contains("Mosquitto at its defaults");
        assertThat(OptionsParser.parse(List.of("fanin", "--window", "broker"), REPO).window()).isEqualTo(LoadSettings.BROKER_WINDOW);
    }

    @Test
    void connDefaultsToTheRawClientAndAWindowOfAHundredConnects() {
        BenchOptions o = OptionsParser.parse(List.of("conn"), REPO);
        assertThat(o.cases()).extracting(BenchCase::id).containsExactly("conn");
        assertThat(o.cases().get(0).client()).isEqualTo(ClientKind.NETTY);
        assertThat(o.params().connectWindow()).isEqualTo(100);
        assertThat(OptionsParser.parse(List.of("conn", "--connect-window", "2000"), REPO).params().connectWindow()).isEqualTo(2000);
    }

    @Test
    void unknownClientOrConfigIsRefused() {
        assertThatThrownBy(() -> OptionsParser.parse(List.of("--client", "paho"), REPO)).hasMessageContaining("paho");
        assertThatThrownBy(() -> OptionsParser.parse(List.of("--mosquitto", "tuned"), REPO)).hasMessageContaining("tuned");
    }
}
