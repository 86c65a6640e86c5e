package io.starlingmq.launcher.up;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import io.starlingmq.launcher.RedisCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class UpBannerTest {

    private static UpOptions options(String mode, String... extra) {
        List<String> args = new ArrayList<>(List.of("--mode=" + mode, "--root=/r", "--state=/r/.starling",
                "--postgres-home=/r/pg", "--redis-port=6380", "--router-port=9090", "--mqtt-port=1883",
                "--gateway-http-port=8090", "--tls-port=8883", "--ws-port=8083", "--wss-port=8084",
                "--auth-port=8180", "--postgres-port=5433", "--keycloak-port=8280",
                "--keycloak-management-port=8281", "--ops-port=18083", "--ready-timeout=90",
                "--device-acl={\"pub\":[\"devices/${clientid}/#\",\"bridge/to-kafka/#\"],\"sub\":[\"bridge/from-kafka/#\"]}"));
        args.addAll(List.of(extra));
        return UpOptions.parse(args.toArray(String[]::new));
    }

    private static String kafkaBanner(UpOptions options, boolean bridgeRunning) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        UpBanner.printKafka(new PrintStream(bytes, true, StandardCharsets.UTF_8), options, bridgeRunning);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withKafkaNamesItsAddressTheRulesAndTheCommandsToWatchAndFeedThem() {
        String banner = kafkaBanner(options("dev-key", "--kafka", "--kafka-port=9092", "--kafka-controller-port=9093",
                "--bridge-http-port=18084"), true);

        assertThat(banner).contains("Kafka               127.0.0.1:9092",
                "bridge              http://127.0.0.1:18084/q/health",
                "MQTT bridge/to-kafka/#  ->  Kafka topic mqtt-in",
                "Kafka topic mqtt-out  ->  MQTT bridge/from-kafka/<record key>",
                "./starling kafka consume mqtt-in", "./starling kafka produce mqtt-out k1 hello",
                "-i dev-1 -u dev-1 -P \"$TOKEN\" -t bridge/to-kafka/hello");
        assertThat(banner).doesNotContain("NOTE", "NOT RUNNING");
    }

    @Test
    void withKafkaButNoBridgeBuiltSaysHowToBuildIt() {
        String banner = kafkaBanner(options("anonymous", "--kafka", "--kafka-port=9092", "--kafka-controller-port=9093",
                "--bridge-http-port=18084"), false);

        assertThat(banner).contains("NOT RUNNING: build services/bridge").contains("mosquitto_sub -V mqttv5 -p 1883 -t");
    }

    private static final List<RedisCluster.Node> CLUSTER = List.of(
            new RedisCluster.Node(7000, 17000, true, OptionalInt.empty(), List.of("0-5460")),
            new RedisCluster.Node(7001, 17001, true, OptionalInt.empty(), List.of("5461-10922")),
            new RedisCluster.Node(7002, 17002, false, OptionalInt.of(7005), List.of()),
            new RedisCluster.Node(7003, 17003, false, OptionalInt.of(7000), List.of()),
            new RedisCluster.Node(7004, 17004, false, OptionalInt.of(7001), List.of()),
            new RedisCluster.Node(7005, 17005, true, OptionalInt.empty(), List.of("10923-16383")));

    @Test
    void theStoreLineCountsTheRolesTheNodesHaveNowAndTheReplicasAWriteWaitsFor() {
        assertThat(UpBanner.clusterStore(CLUSTER, 1))
                .isEqualTo("Redis Cluster (3 masters, 3 replicas, writes wait for 1 replica)");
        assertThat(UpBanner.clusterStore(CLUSTER, 2)).endsWith("writes wait for 2 replicas)");
    }

    @Test
    void withARedisClusterNamesEveryNodesPortAndRoleAndWhereItsDataIs() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        UpBanner.printRedisCluster(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                options("anonymous", "--redis-cluster", "--redis-cluster-port=7000"), CLUSTER, Duration.ofSeconds(5));

        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains(
                "Redis Cluster (--redis-cluster), node timeout 5 s:",
                "  127.0.0.1:7000   master   slots 0-5460             bus 17000",
                "  127.0.0.1:7002   replica  of 7005                  bus 17002",
                "  127.0.0.1:7005   master   slots 10923-16383        bus 17005",
                "data in " + Path.of("/r/.starling/redis-cluster") + "/<port>/",
                "logs in " + Path.of("/r/.starling/logs") + "/redis-<port>.log",
                "redis-cli -c -p 7000 cluster nodes");
    }

    @Test
    void namesTheDashboardAndTheKeyFileToLogInWith() throws Exception {
        UpOptions options = options("anonymous");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        UpBanner.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), options, "in memory", Path.of("realm.json"));
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("dashboard (ops)     http://127.0.0.1:18083/   (log in with the API key in "
                        + Path.of("/r/.starling/run/api-key") + ": key before the ':', secret after it)");
    }
}
