package io.starlingmq.launcher.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.starlingmq.launcher.FreePort;
import io.starlingmq.launcher.ManagedProcess;
import io.starlingmq.launcher.ProcessSession;
import io.starlingmq.launcher.RedisCli;
import io.starlingmq.launcher.RedisCluster;
import io.starlingmq.launcher.RedisCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code up --redis-cluster}'s store, started as {@code up} starts it ({@link LocalRedisCluster}) with real
 * redis-server nodes (Debian package redis-server) on a block of free ports, in the session of the test.
 */
class LocalRedisClusterTest {

    /** Keys whose slots lie on all three masters' ranges of a new cluster (0-5460, 5461-10922, 10923-16383). */
    private static final List<String> KEYS = List.of("a", "b", "c", "d", "e", "f");

    @TempDir
    Path state;

    @Test
    void startsTheClusterOnceAndThenAgainOnItsFoldersWithItsData() throws Exception {
        UpOptions options = options(state, freeBlock());
        int first = options.redisCluster().orElseThrow().first();
        Map<Integer, String> ids = new HashMap<>();
        List<ManagedProcess> handedOver = new ArrayList<>();
        try (RedisCluster cluster = LocalRedisCluster.start(options, ProcessSession.SHARED, handedOver::add)) {
            assertThat(cluster.ports()).containsExactly(first, first + 1, first + 2, first + 3, first + 4, first + 5);
            assertThat(handedOver).as("every node, for its pid file").hasSize(6).allMatch(ManagedProcess::isAlive);
            assertThat(UpBanner.clusterStore(cluster.nodes(), LocalRedisCluster.WAIT_REPLICAS))
                    .isEqualTo("Redis Cluster (3 masters, 3 replicas, writes wait for 1 replica)");
            for (String key : KEYS) {
                assertThat(RedisCli.call(first, "-c", "SET", key, "value-" + key).strip()).isEqualTo("OK");
            }
            assertThat(mastersHoldingKeys(cluster)).as("the keys spread over every master").hasSize(3);
            for (int port : cluster.ports()) {
                ids.put(port, RedisCli.call(port, "CLUSTER", "MYID").strip());
            }
        }
        try (Stream<Path> files = Files.list(options.redisClusterData().resolve(Integer.toString(first)))) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("nodes.conf", "appendonlydir");
        }

        try (RedisCluster again = LocalRedisCluster.start(options, ProcessSession.SHARED, node -> { })) {
            for (int port : again.ports()) {
                assertThat(RedisCli.call(port, "CLUSTER", "MYID").strip()).as("node %d is the node it was", port)
                        .isEqualTo(ids.get(port));
            }
            List<RedisCluster.Node> nodes = again.nodes();
            assertThat(nodes).filteredOn(RedisCluster.Node::master).hasSize(3);
            assertThat(nodes).filteredOn(node -> !node.master())
                    .allSatisfy(replica -> assertThat(replica.masterPort()).isPresent());
            for (String key : KEYS) {
                assertThat(RedisCli.call(first, "-c", "GET", key).strip()).isEqualTo("value-" + key);
            }
            assertThat(LocalRedisCluster.routerEnvironment(again)).containsEntry("QUARKUS_REDIS_CLIENT_TYPE", "cluster")
                    .containsEntry("STARLING_ROUTER_REDIS_WAIT_REPLICAS", "1")
                    .containsEntry("QUARKUS_REDIS_HOSTS", again.hosts());
        }
    }

    @Test
    void refusesFoldersThatHoldOnlyPartOfTheCluster() throws Exception {
        UpOptions options = options(state, freeBlock());
        int first = options.redisCluster().orElseThrow().first();
        LocalRedisCluster.start(options, ProcessSession.SHARED, node -> { }).close();
        deleteTree(options.redisClusterData().resolve(Integer.toString(first + 2)));
        List<ManagedProcess> handedOver = new ArrayList<>();

        assertThatThrownBy(() -> LocalRedisCluster.start(options, ProcessSession.SHARED, handedOver::add))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("do not hold one cluster of these 6 nodes")
                .hasMessageContaining("remove " + options.redisClusterData());
        assertThat(handedOver).hasSize(6).noneMatch(ManagedProcess::isAlive);
        for (int i = 0; i < UpOptions.RedisClusterPorts.NODES; i++) {
            assertThat(RedisCommand.pong(first + i)).as("node %d stopped after the refusal", first + i).isFalse();
        }
    }

    @Test
    void upRefusesATakenBusPortBeforeStartingAnything() throws Exception {
        int first = freeBlock();
        int bus = first + 3 + UpOptions.RedisClusterPorts.BUS_OFFSET;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (ServerSocket taken = new ServerSocket(bus, 1, InetAddress.getLoopbackAddress())) {
            exit = new UpCommand(upOptions(state, first, FreePort.find()), new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8)).run();
        }

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("port " + bus + " is already in use");
        assertThat(RedisCommand.pong(first)).isFalse();
        assertThat(Files.exists(options(state, first).redisClusterData())).isFalse();
    }

    @Test
    void upRefusesABusPortThatAnotherPartHas() {
        int first = freeBlock();
        int ops = first + 1 + UpOptions.RedisClusterPorts.BUS_OFFSET;
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = new UpCommand(upOptions(state, first, ops), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run();

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("port " + ops + " is set for two parts");
    }

    @Test
    void withoutRedisServerOrRedisCliItSaysWhatToInstall() {
        assertThat(LocalRedisCluster.missingTools(name -> name.equals("redis-cli") ? Optional.of(Path.of("/x"))
                : Optional.empty())).contains("--redis-cluster needs redis-server and redis-cli: install the Debian "
                + "package redis-server (apt-get install redis-server)");
        assertThat(LocalRedisCluster.missingTools(name -> name.equals("redis-server") ? Optional.of(Path.of("/x"))
                : Optional.empty())).isPresent();
        assertThat(LocalRedisCluster.missingTools(name -> Optional.of(Path.of("/x")))).isEmpty();
    }

    private static List<Integer> mastersHoldingKeys(RedisCluster cluster) throws IOException {
        List<Integer> holding = new ArrayList<>();
        for (int master : cluster.masterPorts()) {
            if (Integer.parseInt(RedisCli.call(master, "DBSIZE").strip()) > 0) {
                holding.add(master);
            }
        }
        return holding;
    }

    private static UpOptions options(Path state, int first) {
        return UpOptions.parse(args(state, first, 18083));
    }

    /** Every other part on a free port, so only the cluster's ports can be refused. */
    private static UpOptions upOptions(Path state, int first, int opsPort) {
        List<String> args = new ArrayList<>(List.of(args(state, first, opsPort)));
        List<Integer> cluster = new UpOptions.RedisClusterPorts(first).all();
        for (String name : List.of("redis", "router", "mqtt", "gateway-http", "tls", "ws", "wss", "auth", "postgres",
                "keycloak", "keycloak-management")) {
            int port = FreePort.find();
            while (cluster.contains(port)) {
                port = FreePort.find();
            }
            args.add("--" + name + "-port=" + port);
        }
        args.add("--detach");
        return UpOptions.parse(args.toArray(String[]::new));
    }

    private static String[] args(Path state, int first, int opsPort) {
        return new String[] {"--mode=anonymous", "--root=" + state, "--state=" + state, "--postgres-home=" + state,
                "--redis-port=6380", "--router-port=9090", "--mqtt-port=1883", "--gateway-http-port=8090",
                "--tls-port=8883", "--ws-port=8083", "--wss-port=8084", "--auth-port=8180", "--postgres-port=5433",
                "--keycloak-port=8280", "--keycloak-management-port=8281", "--ops-port=" + opsPort,
                "--ready-timeout=90", "--device-acl={}", "--redis-cluster", "--redis-cluster-port=" + first};
    }

    /** A first port whose six ports and their bus ports (+10000) are free, all below the ephemeral range. */
    private static int freeBlock() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(11_000, 22_000);
            if (new UpOptions.RedisClusterPorts(first).all().stream().allMatch(LocalRedisClusterTest::bindable)) {
                return first;
            }
        }
        throw new IllegalStateException("no free block of Redis Cluster ports");
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
