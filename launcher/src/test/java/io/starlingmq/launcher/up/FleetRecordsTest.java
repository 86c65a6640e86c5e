package io.starlingmq.launcher.up;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetRecordsTest {

    @TempDir
    Path dir;

    @Test
    void theSharedEnvironmentComesBackAsWrittenEvenWithCharactersPropertiesEscape() {
        FleetRecords records = new FleetRecords(dir);
        Map<String, String> env = Map.of("STARLING_GATEWAY_ROUTERS", "127.0.0.1:9090,127.0.0.1:9091",
                "STARLING_GATEWAY_TLS_CERT_FILE", "/a path/with=signs:and#hash.pem");
        records.recordEnvironment(env);
        assertThat(records.exists()).isTrue();
        assertThat(records.environment()).isEqualTo(env);
    }

    @Test
    void gatewaysComeBackByNumberWithTheirPorts() {
        FleetRecords records = new FleetRecords(dir);
        records.record(new LocalGateway("gateway-10", new ListenerPorts(1, 2, 3, 4), 8099));
        records.record(new LocalGateway("gateway-2", new ListenerPorts(5, 6, 7, 8), 8091));
        assertThat(records.gateways()).containsExactly(
                new LocalGateway("gateway-2", new ListenerPorts(5, 6, 7, 8), 8091),
                new LocalGateway("gateway-10", new ListenerPorts(1, 2, 3, 4), 8099));
    }

    @Test
    void aLeavingGatewayNamesItsPidUntilForgotten() {
        FleetRecords records = new FleetRecords(dir);
        records.record(new LocalGateway("gateway-1", new ListenerPorts(1, 2, 3, 4), 8090));
        assertThat(records.leaving("gateway-1")).isEmpty();
        records.markLeaving("gateway-1", 4242);
        assertThat(records.leaving("gateway-1")).hasValue(4242);
        records.forget("gateway-1");
        assertThat(records.leaving("gateway-1")).isEmpty();
        assertThat(records.gateways()).isEmpty();
    }

    @Test
    void clearLeavesNoFileBehindAndNoRunDirectoryIsNoGateway() throws Exception {
        FleetRecords records = new FleetRecords(dir);
        records.recordEnvironment(Map.of("A", "b"));
        records.record(new LocalGateway("gateway-1", new ListenerPorts(1, 2, 3, 4), 8090));
        records.clear();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        assertThat(records.exists()).isFalse();
        assertThat(new FleetRecords(dir.resolve("absent")).gateways()).isEmpty();
    }
}
