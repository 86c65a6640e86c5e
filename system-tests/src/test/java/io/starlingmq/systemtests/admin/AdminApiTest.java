package io.starlingmq.systemtests.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.starlingmq.launcher.RunningPart;
import io.starlingmq.systemtests.harness.OpsApi;
import io.starlingmq.systemtests.harness.PahoClients;
import io.starlingmq.systemtests.harness.StarlingSuite;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The admin API end to end, ops asking the routers of a suite with two gateways: the kick (the router tells
 * the client's gateway, which disconnects it: MQTT 5 DISCONNECT 0x98 Administrative action, 3.1.1 closed;
 * {@code /api/v5/nodes} lists both gateways with their connections), and a publish (routed as the broker's
 * own message to a subscriber on either gateway, properties kept).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String KEY = "system-test-admin";
    private static final String SECRET = "a-long-random-secret-for-the-test";

    @TempDir
    static Path dir;

    private StarlingSuite suite;
    private OpsApi api;

    @BeforeAll
    void startSuite() throws Exception {
        suite = StarlingSuite.start("admin-api", "gateway-a", "gateway-b");
        Path keys = dir.resolve("api-keys");
        Files.writeString(keys, KEY + ":" + SECRET + "\n");
        RunningPart ops = suite.startOps(Map.of("STARLING_OPS_API_KEYS_BOOTSTRAP_FILE", keys.toString()));
        api = new OpsApi(ops.httpPort(), KEY, SECRET);
    }

    @AfterAll
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
        v5.subscribeWith().topicFilter("kick/#").qos(MqttQos.AT_LEAST_ONCE).send();
        v5.subscribeWith().topicFilter("$share/g/kick/shared").qos(MqttQos.EXACTLY_ONCE).send();
        AtomicBoolean v3Lost = new AtomicBoolean();
        MqttClient v3 = PahoClients.connectWatchingLoss(suite.mqttPort("gateway-a"), "kick-me-3", v3Lost);

        await().atMost(WAIT).untilAsserted(() -> assertThat(api.get("/api/v5/nodes").body())
                .contains("\"role\":\"gateway\"").doesNotContain("\"connections\":0"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(count(api.get("/api/v5/stats?aggregate=true").body(),
                "connections.count")).as("the two clients, connected").isGreaterThanOrEqualTo(2));

        await().atMost(WAIT).untilAsserted(() -> assertThat(api.get("/api/v5/clients/kick-me-5").body())
                .contains("\"connected\":true").contains("\"clean_start\":true").contains("\"subscriptions_cnt\":2"));
        assertThat(api.get("/api/v5/clients/kick-me-5/subscriptions").body())
                .contains("{\"clientid\":\"kick-me-5\",\"topic\":\"$share/g/kick/shared\",\"qos\":2,\"nl\":0,\"rap\":0,\"rh\":0}")
                .contains("{\"clientid\":\"kick-me-5\",\"topic\":\"kick/#\",\"qos\":1,\"nl\":0,\"rap\":0,\"rh\":0}");

        String listing = api.get("/api/v5/clients?like_clientid=kick-me&conn_state=connected").body();
        assertThat(listing).as("both clients, in client id order, with where and how they connected")
                .containsPattern("\\{\"clientid\":\"kick-me-3\",\"username\":null,\"ip_address\":\"127.0.0.1\","
                        + "\"port\":\\d+,\"connected\":true,\"node\":\"[^\"]+\",\"proto_name\":\"MQTT\",\"proto_ver\":4,.*"
                        + "\\{\"clientid\":\"kick-me-5\",.*\"proto_ver\":5,\"keepalive\":60,\"clean_start\":true,"
                        + "\"expiry_interval\":0,\"created_at\":\"[^\"]+\",\"connected_at\":\"[^\"]+\",\"subscriptions_cnt\":2}")
                .contains("\"hasnext\":false");

        assertThat(api.delete("/api/v5/clients/kick-me-5").statusCode()).isEqualTo(204);
        await().atMost(WAIT).untilAsserted(() -> assertThat(v5Reason.get())
                .isEqualTo(Mqtt5DisconnectReasonCode.ADMINISTRATIVE_ACTION));
        assertThat(api.delete("/api/v5/clients/kick-me-3").statusCode()).isEqualTo(204);
        await().atMost(WAIT).untilTrue(v3Lost);

        await().atMost(WAIT).untilAsserted(() -> assertThat(api.delete("/api/v5/clients/kick-me-5").statusCode())
                .as("a kicked client has no live connection left").isEqualTo(404));
        HttpResponse<String> nodes = api.get("/api/v5/nodes");
        assertThat(nodes.statusCode()).isEqualTo(200);
    }

    @Test
    void aPublishThroughTheApiReachesASubscriberWithItsPropertiesAndAnswers200() throws Exception {
        Mqtt5BlockingClient subscriber = Mqtt5Client.builder().identifier("api-listener").serverHost("127.0.0.1")
                .serverPort(suite.mqttPort("gateway-a")).buildBlocking();
        subscriber.connect();
        subscriber.subscribeWith().topicFilter("ops/api/#").qos(MqttQos.AT_LEAST_ONCE).send();
        try (Mqtt5BlockingClient.Mqtt5Publishes publishes = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            HttpResponse<String> answer = api.post("/api/v5/publish", "{\"topic\":\"ops/api/t\",\"payload\":\"aGk=\","
                    + "\"payload_encoding\":\"base64\",\"qos\":1,\"properties\":{\"user_properties\":{\"from\":\"ops\"},"
                    + "\"content_type\":\"text/plain\"}}");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("\"id\"").doesNotContain("reason_code");
            Mqtt5Publish got = publishes.receive(20, TimeUnit.SECONDS).orElseThrow();
            assertThat(got.getTopic().toString()).isEqualTo("ops/api/t");
            assertThat(new String(got.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("hi");
            assertThat(got.getQos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
            assertThat(got.getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("text/plain"));
            assertThat(got.getUserProperties().asList()).anySatisfy(p -> {
                assertThat(p.getName().toString()).isEqualTo("from");
                assertThat(p.getValue().toString()).isEqualTo("ops");
            });
        } finally {
            subscriber.disconnect();
        }
    }

    @Test
    void anOperatorSubscribesAClientWhichThenGetsWhatIsPublishedAndIsListedUntilUnsubscribed() throws Exception {
        Mqtt5BlockingClient device = Mqtt5Client.builder().identifier("ops-target").serverHost("127.0.0.1")
                .serverPort(suite.mqttPort("gateway-b")).buildBlocking();
        device.connect();
        try (Mqtt5BlockingClient.Mqtt5Publishes publishes = device.publishes(MqttGlobalPublishFilter.ALL)) {
            HttpResponse<String> subscribed = api.post("/api/v5/clients/ops-target/subscribe",
                    "{\"topic\":\"ops/pushed/#\",\"qos\":1}");
            assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(200);
            assertThat(subscribed.body()).isEqualTo(
                    "{\"clientid\":\"ops-target\",\"topic\":\"ops/pushed/#\",\"qos\":1,\"nl\":0,\"rap\":0,\"rh\":0}");

            api.post("/api/v5/publish", "{\"topic\":\"ops/pushed/1\",\"payload\":\"go\",\"qos\":1}");
            Mqtt5Publish got = publishes.receive(20, TimeUnit.SECONDS).orElseThrow();
            assertThat(got.getTopic().toString()).isEqualTo("ops/pushed/1");
            assertThat(api.get("/api/v5/subscriptions?clientid=ops-target").body())
                    .contains("{\"clientid\":\"ops-target\",\"topic\":\"ops/pushed/#\",\"qos\":1,");
            assertThat(api.get("/api/v5/topics?topic=ops/pushed/%23").body())
                    .contains("{\"topic\":\"ops/pushed/#\",\"sessions\":1}");

            assertThat(api.post("/api/v5/clients/ops-target/unsubscribe", "{\"topic\":\"ops/pushed/#\"}").statusCode())
                    .isEqualTo(204);
            assertThat(api.get("/api/v5/subscriptions?clientid=ops-target").body()).contains("\"data\":[]");
        } finally {
            device.disconnect();
        }
    }

    @Test
    void aDelayedPublishIsListedUntilAnOperatorDeletesIt() throws Exception {
        Mqtt5BlockingClient publisher = Mqtt5Client.builder().identifier("delaying-publisher").serverHost("127.0.0.1")
                .serverPort(suite.mqttPort("gateway-a")).buildBlocking();
        publisher.connect();
        try {
            publisher.publishWith().topic("$delayed/3600/ops/delayed/t").qos(MqttQos.AT_LEAST_ONCE)
                    .payload("later".getBytes(StandardCharsets.UTF_8)).send();
            String listing = api.get("/api/v5/mqtt/delayed/messages").body();
            assertThat(listing).containsPattern("\"msgid\":\"[^\"]+\",\"publish_at\":\"[^\"]+\",\"delayed_interval\":3600,"
                    + "\"delayed_remaining\":\\d+,\"expected_at\":\"[^\"]+\",\"topic\":\"ops/delayed/t\",\"qos\":1,"
                    + "\"from_clientid\":\"delaying-publisher\"");
            Matcher id = Pattern.compile("\"msgid\":\"([^\"]+)\"").matcher(listing);
            assertThat(id.find()).isTrue();
            assertThat(api.get("/api/v5/mqtt/delayed/messages/" + id.group(1)).body()).contains("\"payload\":\"bGF0ZXI=\"");

            assertThat(api.delete("/api/v5/mqtt/delayed/messages/" + id.group(1)).statusCode()).isEqualTo(204);
            assertThat(api.get("/api/v5/mqtt/delayed/messages/" + id.group(1)).statusCode()).isEqualTo(404);
        } finally {
            publisher.disconnect();
        }
    }

    @Test
    void anOfflinePersistentSessionsQueueIsReadPageByPage() throws Exception {
        Mqtt5BlockingClient holder = Mqtt5Client.builder().identifier("queue-holder").serverHost("127.0.0.1")
                .serverPort(suite.mqttPort("gateway-a")).buildBlocking();
        holder.connectWith().cleanStart(true).sessionExpiryInterval(3600).send();
        holder.subscribeWith().topicFilter("ops/queued/#").qos(MqttQos.AT_LEAST_ONCE).send();
        holder.disconnect();
        for (int i = 1; i <= 3; i++) {
            api.post("/api/v5/publish", "{\"topic\":\"ops/queued/" + i + "\",\"payload\":\"m" + i + "\",\"qos\":1}");
        }

        String first = api.get("/api/v5/clients/queue-holder/mqueue_messages?limit=2").body();
        assertThat(first).containsPattern("\\{\"topic\":\"ops/queued/1\",\"qos\":1,\"publish_at\":\"[^\"]+\","
                        + "\"from_clientid\":\"[^\"]*\",\"payload\":\"bTE=\"}")
                .contains("\"topic\":\"ops/queued/2\"").doesNotContain("ops/queued/3")
                .contains("\"position\":\"2\"");
        String second = api.get("/api/v5/clients/queue-holder/mqueue_messages?limit=2&position=2").body();
        assertThat(second).contains("\"topic\":\"ops/queued/3\"").contains("\"position\":null");
        assertThat(api.get("/api/v5/clients/queue-holder/inflight_messages").body()).contains("\"data\":[]");

        holder.connectWith().cleanStart(true).send();
        holder.disconnect();
    }

    /** A number of a flat JSON object, e.g. {@code "connections.count": 2}. */
    private static long count(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\":(\\d+)")
                .matcher(json);
        if (!m.find()) {
            throw new AssertionError(name + " not in " + json);
        }
        return Long.parseLong(m.group(1));
    }

}
