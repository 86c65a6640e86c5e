package io.starlingmq.systemtests.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import io.starlingmq.launcher.RunningPart;
import io.starlingmq.systemtests.harness.OpsApi;
import io.starlingmq.systemtests.harness.PahoClients;
import io.starlingmq.systemtests.harness.StarlingSuite;
import io.starlingmq.testing.TestRedis;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The banned list end to end, through ops, on a suite of two routers and two gateways: a ban disconnects the
 * connected clients it covers on both gateways (MQTT 5 DISCONNECT 0x98; 3.1.1 closed) and no other, their
 * reconnects are refused (CONNACK 0x8A Banned; 3.1.1 return code 5), the ban outlives every process of the suite,
 * and once lifted the client connects again.
 */
class BannedClientsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String KEY = "system-test-admin";
    private static final String SECRET = "a-long-random-secret-for-the-ban-test";

    @TempDir
    static Path dir;

    private OpsApi api;

    @Test
    void aBanDisconnectsTheClientsItCoversOnEveryGatewayRefusesThemAndOutlivesTheSuite() throws Exception {
        Path keys = dir.resolve("api-keys");
        Files.writeString(keys, KEY + ":" + SECRET + "\n");
        try (StarlingSuite suite = StarlingSuite.start("banned-clients", 2, "gateway-a", "gateway-b")) {
            api = new OpsApi(suite.startOps(Map.of("STARLING_OPS_API_KEYS_BOOTSTRAP_FILE", keys.toString())).httpPort(),
                    KEY, SECRET);
            AtomicReference<Mqtt5DisconnectReasonCode> botReason = new AtomicReference<>();
            Mqtt5BlockingClient bot = Mqtt5Client.builder().identifier("bot-1").serverHost("127.0.0.1")
                    .serverPort(suite.mqttPort("gateway-a"))
                    .addDisconnectedListener(context -> {
                        if (context.getCause() instanceof Mqtt5DisconnectException disconnect) {
                            botReason.set(disconnect.getMqttMessage().getReasonCode());
                        }
                    })
                    .buildBlocking();
            bot.connect();
            AtomicBoolean oldBotLost = new AtomicBoolean();
            MqttClient oldBot = PahoClients.connectWatchingLoss(suite.mqttPort("gateway-b"), "bot-2", oldBotLost);
            Mqtt5BlockingClient human = Mqtt5Client.builder().identifier("human-1").serverHost("127.0.0.1")
                    .serverPort(suite.mqttPort("gateway-b")).buildBlocking();
            human.connect();

            HttpResponse<String> banned = api.post("/api/v5/banned",
                    "{\"as\":\"clientid_re\",\"who\":\"^bot-\",\"reason\":\"automated traffic\"}");
            long bannedAt = System.nanoTime();

            assertThat(banned.statusCode()).as(banned.body()).isEqualTo(200);
            await().atMost(WAIT).untilAsserted(() -> assertThat(botReason.get())
                    .isEqualTo(Mqtt5DisconnectReasonCode.ADMINISTRATIVE_ACTION));
            await().atMost(WAIT).untilTrue(oldBotLost);
            System.out.printf("both banned clients disconnected %d ms after the ban was answered%n",
                    (System.nanoTime() - bannedAt) / 1_000_000);
            assertThat(human.getState().isConnected()).as("a client the ban does not cover stays").isTrue();

            assertRefused(suite.mqttPort("gateway-b"), "bot-1");
            assertPahoRefused(suite.mqttPort("gateway-a"), "bot-2");
            human.disconnect();
        }

        // every process of that suite is gone; a new router reads the ban from the store
        try (StarlingSuite restarted = StarlingSuite.startOnRedis("banned-clients-restarted", TestRedis.shared().uri(),
                "gateway-c")) {
            api = new OpsApi(restarted.startOps(Map.of("STARLING_OPS_API_KEYS_BOOTSTRAP_FILE", keys.toString()))
                    .httpPort(), KEY, SECRET);
            assertRefused(restarted.mqttPort("gateway-c"), "bot-3");
            assertThat(api.get("/api/v5/banned").body()).contains("\"who\":\"^bot-\"").contains("automated traffic");

            HttpResponse<String> lifted = api.delete("/api/v5/banned/clientid_re/%5Ebot-");
            assertThat(lifted.statusCode()).as(lifted.body()).isEqualTo(204);

            Mqtt5BlockingClient forgiven = Mqtt5Client.builder().identifier("bot-3").serverHost("127.0.0.1")
                    .serverPort(restarted.mqttPort("gateway-c")).buildBlocking();
            forgiven.connect();
            forgiven.disconnect();
        }
    }

    private static void assertRefused(int port, String clientId) {
        Mqtt5BlockingClient client = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1").serverPort(port)
                .buildBlocking();
        assertThatThrownBy(client::connect).isInstanceOfSatisfying(Mqtt5ConnAckException.class,
                refused -> assertThat(refused.getMqttMessage().getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.BANNED));
    }

    private static void assertPahoRefused(int port, String clientId) throws MqttException {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + port, clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setAutomaticReconnect(false);
        assertThatThrownBy(() -> client.connect(options)).isInstanceOfSatisfying(MqttException.class,
                refused -> assertThat(refused.getReasonCode()).isEqualTo(MqttException.REASON_CODE_NOT_AUTHORIZED));
        client.close();
    }

}
