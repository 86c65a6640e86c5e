package io.starlingmq.launcher.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
