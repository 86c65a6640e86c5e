package io.starlingmq.launcher.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.starlingmq.launcher.RedisCluster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpOptionsTest {

    private static String[] args(String... extra) {
        List<String> all = new ArrayList<>(List.of("--mode=anonymous", "--root=/r", "--state=/r/.starling",
                "--postgres-home=/r/pg", "--redis-port=6380", "--router-port=9090", "--mqtt-port=1883",
                "--gateway-http-port=8090", "--tls-port=8883", "--ws-port=8083", "--wss-port=8084",
                "--auth-port=8180", "--postgres-port=5433", "--keycloak-port=8280",
                "--keycloak-management-port=8281", "--ops-port=18083", "--ready-timeout=90", "--device-acl={}"));
        all.addAll(List.of(extra));
        return all.toArray(String[]::new);
    }

    @Test
    void oneGatewayUnlessAskedForMore() {
        assertThat(UpOptions.parse(args()).gateways()).isEqualTo(1);
        assertThat(UpOptions.parse(args("--gateways=3")).gateways()).isEqualTo(3);
    }

    @Test
    void aGatewayCountOutsideOneToNineIsRefusedWithItsBounds() {
        assertThatThrownBy(() -> UpOptions.parse(args("--gateways=0"))).hasMessageContaining("between 1 and 9");
        assertThatThrownBy(() -> UpOptions.parse(args("--gateways=10"))).hasMessageContaining("between 1 and 9");
    }

    @Test
    void kafkaAndItsPortsOnlyWhenAskedFor() {
        assertThat(UpOptions.parse(args()).kafka()).isEmpty();
        assertThat(UpOptions.parse(args("--kafka", "--kafka-port=9092", "--kafka-controller-port=9093",
                "--bridge-http-port=18084")).kafka()).contains(new UpOptions.KafkaPorts(9092, 9093, 18084));
        assertThatThrownBy(() -> UpOptions.parse(args("--kafka"))).hasMessageContaining("--kafka-port");
    }

    @Test
    void aRedisClusterOfSixNodesWithBusPortsTenThousandAboveOnlyWhenAskedFor() {
        assertThat(UpOptions.parse(args()).redisCluster()).isEmpty();

        UpOptions.RedisClusterPorts ports = UpOptions.parse(args("--redis-cluster", "--redis-cluster-port=7000"))
                .redisCluster().orElseThrow();

        assertThat(ports.nodes()).containsExactly(new RedisCluster.NodePorts(7000, 17000),
                new RedisCluster.NodePorts(7001, 17001), new RedisCluster.NodePorts(7002, 17002),
                new RedisCluster.NodePorts(7003, 17003), new RedisCluster.NodePorts(7004, 17004),
                new RedisCluster.NodePorts(7005, 17005));
        assertThat(ports.all()).hasSize(12).contains(7000, 7005, 17000, 17005);
        assertThat(UpOptions.parse(args()).redisClusterData()).isEqualTo(Path.of("/r/.starling/redis-cluster"));
    }

    @Test
    void aRedisClusterNeedsItsPortAndRoomForItsBusPorts() {
        assertThatThrownBy(() -> UpOptions.parse(args("--redis-cluster"))).hasMessageContaining("--redis-cluster-port");
        assertThat(UpOptions.parse(args("--redis-cluster", "--redis-cluster-port=55530")).redisCluster()).isPresent();
        assertThatThrownBy(() -> UpOptions.parse(args("--redis-cluster", "--redis-cluster-port=55531")))
                .hasMessageContaining("from 1 to 55530").hasMessageContaining("was 55531");
    }

    @Test
    void theRedisClusterNodesStopLastAfterTheRouter() {
        List<String> order = RunDirectory.PROCESSES;

        assertThat(order.subList(order.size() - 6, order.size())).containsExactly("redis-cluster-6", "redis-cluster-5",
                "redis-cluster-4", "redis-cluster-3", "redis-cluster-2", "redis-cluster-1");
        assertThat(order.indexOf("router")).isLessThan(order.indexOf("redis-cluster-6"));
    }

    @Test
    void theBridgeStopsFirstAndKafkaOnlyAfterTheGateways() {
        List<String> order = RunDirectory.PROCESSES;

        assertThat(order.getFirst()).isEqualTo("bridge");
        assertThat(order.indexOf("gateway-9")).isLessThan(order.indexOf("kafka"));
    }

    @Test
    void theLoadBalancersAndEveryGatewayAreStoppedBeforeTheRouter() {
        List<String> order = RunDirectory.PROCESSES;

        assertThat(order.indexOf("haproxy-mqtt")).isLessThan(order.indexOf("gateway-1"));
        assertThat(order.indexOf("gateway-9")).isLessThan(order.indexOf("router"));
        assertThat(order).contains("gateway", "haproxy-tls", "haproxy-ws", "haproxy-wss");
        assertThat(order.indexOf("ops")).as("ops, a client of the router, before it").isLessThan(order.indexOf("router"));
    }
}
