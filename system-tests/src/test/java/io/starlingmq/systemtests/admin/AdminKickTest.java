package io.starlingmq.systemtests.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import io.starlingmq.launcher.RunningPart;
import io.starlingmq.systemtests.harness.StarlingSuite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API's kick, end to end: ops asks a router, the router tells the client's gateway, the gateway
 * disconnects it (MQTT 5: DISCONNECT 0x98 Administrative action; 3.1.1: closed). Two gateways, so the kick
 * reaches whichever holds the client; {@code /api/v5/nodes} lists both with their connections.
 */
class AdminKickTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String KEY = "system-test-admin";
    private static final String SECRET = "a-long-random-secret-for-the-test";

    @TempDir
    Path dir;

    private StarlingSuite suite;
    private int opsPort;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startSuite() throws Exception {
        suite = StarlingSuite.start("admin-kick", "gateway-a", "gateway-b");
        Path keys = dir.resolve("api-keys");
        Files.writeString(keys, KEY + ":" + SECRET + "\n");
        RunningPart ops = suite.startOps(java.util.Map.of("STARLING_OPS_API_KEYS_BOOTSTRAP_FILE", keys.toString()));
        opsPort = ops.httpPort();
    }

    @AfterEach
    void stopSuite() {
        suite.close();
    }

    @Test
    void kickingConnectedClientsDisconnectsThemOnTheirGatewaysAndThenTheyAreNotFound() throws Exception {
        AtomicReference<Mqtt5DisconnectReasonCode> v5Reason = new AtomicReference<>();
        Mqtt5BlockingClient v5 = Mqtt5Client.builder().identifier("kick-me-5").serverHost("127.0.0.1")
                .serverPort(suite.mqttPort("gateway-b"))
                .addDisconnectedListener(context -> {
                    if (context.getCause() instanceof Mqtt5DisconnectException disconnect) {
                        v5Reason.set(disconnect.getMqttMessage().getReasonCode());
                    }
                })
                .buildBlocking();
        v5.connect();
        AtomicBoolean v3Lost = new AtomicBoolean();
        MqttClient v3 = new MqttClient("tcp://127.0.0.1:" + suite.mqttPort("gateway-a"), "kick-me-3", new MemoryPersistence());
        v3.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                v3Lost.set(true);
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions options = new MqttConnectOptions();
        options.setAutomaticReconnect(false);
        v3.connect(options);

        await().atMost(WAIT).untilAsserted(() -> assertThat(get("/api/v5/nodes").body())
                .contains("\"role\":\"gateway\"").doesNotContain("\"connections\":0"));

        assertThat(delete("/api/v5/clients/kick-me-5").statusCode()).isEqualTo(204);
        await().atMost(WAIT).untilAsserted(() -> assertThat(v5Reason.get())
                .isEqualTo(Mqtt5DisconnectReasonCode.ADMINISTRATIVE_ACTION));
        assertThat(delete("/api/v5/clients/kick-me-3").statusCode()).isEqualTo(204);
        await().atMost(WAIT).untilTrue(v3Lost);

        await().atMost(WAIT).untilAsserted(() -> assertThat(delete("/api/v5/clients/kick-me-5").statusCode())
                .as("a kicked client has no live connection left").isEqualTo(404));
        HttpResponse<String> nodes = get("/api/v5/nodes");
        assertThat(nodes.statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> delete(String path) throws Exception {
        return http.send(request(path).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        String basic = Base64.getEncoder().encodeToString((KEY + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + opsPort + path))
                .header("Authorization", "Basic " + basic).timeout(Duration.ofSeconds(10));
    }
}
