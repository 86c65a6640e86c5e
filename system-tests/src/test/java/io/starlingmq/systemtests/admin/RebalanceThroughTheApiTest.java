package io.starlingmq.systemtests.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import io.starlingmq.systemtests.harness.OpsApi;
import io.starlingmq.systemtests.harness.StarlingSuite;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rebalance asked for through ops: with the gateways' own rounds an hour apart, twenty clients on one gateway
 * and none on the other, {@code POST /api/v5/nodes/rebalance} makes the crowded gateway ask its surplus to leave
 * (DISCONNECT 0x9C Use another server) at once, and {@code GET /api/v5/nodes} shows its count fall.
 */
class RebalanceThroughTheApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String KEY = "system-test-admin";
    private static final String SECRET = "a-long-random-secret-for-the-rebalance-test";
    private static final int CLIENTS = 20;
    /** Rounds of their own an hour apart: within the test, only the operator's request moves anyone. */
    private static final Map<String, String> SLOW_ROUNDS = Map.of("STARLING_GATEWAY_REBALANCE_INTERVAL", "1h",
            "STARLING_GATEWAY_REBALANCE_MIN_CONNECTION_AGE", "0s", "STARLING_GATEWAY_REBALANCE_WINDOW", "1s");

    @TempDir
    static Path dir;

    private OpsApi api;

    @Test
    void aRebalanceAskedThroughTheApiMovesTheCrowdedGatewaysSurplusAtOnce() throws Exception {
        Path keys = dir.resolve("api-keys");
        Files.writeString(keys, KEY + ":" + SECRET + "\n");
        try (StarlingSuite suite = StarlingSuite.start("rebalance-api")) {
            suite.startGateway("crowded", SLOW_ROUNDS);
            suite.startGateway("empty", SLOW_ROUNDS);
            api = new OpsApi(suite.startOps(Map.of("STARLING_OPS_API_KEYS_BOOTSTRAP_FILE", keys.toString())).httpPort(),
                    KEY, SECRET);
            AtomicInteger askedToMove = new AtomicInteger();
            List<Mqtt5BlockingClient> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                Mqtt5BlockingClient client = Mqtt5Client.builder().identifier("crowd-" + i).serverHost("127.0.0.1")
                        .serverPort(suite.mqttPort("crowded"))
                        .addDisconnectedListener(context -> {
                            if (context.getCause() instanceof Mqtt5DisconnectException disconnect
                                    && disconnect.getMqttMessage().getReasonCode() == Mqtt5DisconnectReasonCode.USE_ANOTHER_SERVER) {
                                askedToMove.incrementAndGet();
                            }
                        })
                        .buildBlocking();
                client.connect();
                clients.add(client);
            }
            // both gateways' counts reach the routers, and through them each gateway's view of the fleet
            await().atMost(WAIT).untilAsserted(() -> assertThat(gatewayConnections().values())
                    .containsExactlyInAnyOrder(CLIENTS, 0));
            String crowded = gatewayConnections().entrySet().stream().filter(g -> g.getValue() == CLIENTS)
                    .map(Map.Entry::getKey).findFirst().orElseThrow();

            HttpResponse<String> asked = api.post("/api/v5/nodes/rebalance");

            assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
            assertThat(asked.body()).contains(crowded);
            await().atMost(WAIT).untilAsserted(() -> assertThat(askedToMove.get()).isPositive());
            await().atMost(WAIT).untilAsserted(() -> assertThat(gatewayConnections().get(crowded)).isLessThan(CLIENTS));
            assertThat(askedToMove.get()).as("only the surplus over the even share is moved").isLessThan(CLIENTS);
            clients.stream().filter(c -> c.getState().isConnected()).forEach(Mqtt5BlockingClient::disconnect);
        }
    }

    /** Each gateway's connections, as {@code /api/v5/nodes} gives them. */
    private Map<String, Integer> gatewayConnections() throws Exception {
        String nodes = api.get("/api/v5/nodes").body();
        Matcher m = Pattern.compile("\\{\"node\":\"([^\"]+)\",\"role\":\"gateway\",[^}]*?\"connections\":(\\d+)")
                .matcher(nodes);
        Map<String, Integer> connections = new TreeMap<>();
        while (m.find()) {
            connections.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return connections;
    }

}
