package io.starlingmq.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.starlingmq.systemtests.browser.BrowserEvents;
import io.starlingmq.systemtests.browser.BrowserPage;
import io.starlingmq.systemtests.browser.ChromiumBrowser;
import io.starlingmq.systemtests.browser.PageServer;
import io.starlingmq.systemtests.harness.StarlingSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.starlingmq.systemtests.browser.BrowserEvents.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * MQTT.js, running in a real headless Chromium, talks to a gateway over WebSocket and over WebSocket
 * with TLS (the browser trusting the suite CA through its NSS store, certificate checks on), and
 * exchanges messages both ways with a Java client connected over plain MQTT/TCP.
 */
class MqttJsInChromiumTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path ROOT = Path.of(System.getProperty("starling.root", "..")).toAbsolutePath().normalize();

    private static BrowserPage page;
    private static StarlingSuite suite;

    @BeforeAll
    static void startSuite() throws Exception {
        page = BrowserPage.locate(ROOT);
        suite = StarlingSuite.start("mqttjs-chromium", "gateway");
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @ParameterizedTest(name = "{0}, MQTT protocol level {1}")
    @CsvSource({"ws, 4", "ws, 5", "wss, 4", "wss, 5"})
    void mqttJsInChromiumExchangesMessagesBothWaysWithATcpClient(String transport, int protocolVersion)
            throws Exception {
        String base = "browser/" + transport + "/v" + protocolVersion;
        Mqtt5BlockingClient javaClient = Mqtt5Client.builder()
                .identifier("java-" + transport + "-v" + protocolVersion)
                .serverHost("127.0.0.1").serverPort(suite.mqttPort("gateway"))
                .buildBlocking();
        javaClient.connect();
        try (Mqtt5BlockingClient.Mqtt5Publishes javaReceived = javaClient.publishes(MqttGlobalPublishFilter.SUBSCRIBED);
             PageServer server = PageServer.start(page);
             ChromiumBrowser chromium = ChromiumBrowser.open(
                     server.pageUrl(query(brokerUrl(transport), base, "mqttjs-" + transport + "-v" + protocolVersion,
                             protocolVersion)),
                     workDir(transport + "-v" + protocolVersion), suite.caCertificate())) {
            javaClient.subscribeWith().topicFilter(base + "/from-browser").qos(MqttQos.AT_LEAST_ONCE).send();
            BrowserEvents events = server.events();

            JsonNode outcome = expect(events, ofType("connected").or(ofType("error")).or(ofType("closed")),
                    "MQTT.js to connect", chromium);
            assertThat(outcome.path("type").asText()).as(() -> diagnostics("MQTT.js connected", events, chromium))
                    .isEqualTo("connected");
            assertThat(outcome.path("sessionPresent").asBoolean()).as("clean start, so no session present").isFalse();

            JsonNode subscribed = expect(events, ofType("subscribed"), "the SUBACK in the browser", chromium);
            assertThat(subscribed.path("granted").toString()).as("granted QoS of both subscriptions").isEqualTo("[1,1]");

            expect(events, message(base + "/loopback", "loopback from chromium"),
                    "the browser's own publish to come back through the broker", chromium);

            Optional<Mqtt5Publish> fromBrowser = javaReceived.receive(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(fromBrowser).as(() -> diagnostics("the TCP client to receive the browser's publish", events, chromium))
                    .isPresent();
            assertThat(fromBrowser.get().getTopic().toString()).isEqualTo(base + "/from-browser");
            assertThat(new String(fromBrowser.get().getPayloadAsBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("hello from chromium");
            assertThat(fromBrowser.get().getQos()).isEqualTo(MqttQos.AT_LEAST_ONCE);

            javaClient.publishWith().topic(base + "/to-browser").qos(MqttQos.AT_LEAST_ONCE)
                    .payload("hello from java".getBytes(StandardCharsets.UTF_8)).send();
            JsonNode toBrowser = expect(events, message(base + "/to-browser", "hello from java"),
                    "the browser to receive the TCP client's publish", chromium);
            assertThat(toBrowser.path("qos").asInt()).isEqualTo(1);
        } finally {
            javaClient.disconnect();
        }
    }

    /** The negative control for the wss case: without the CA in its NSS store, Chromium must refuse the gateway. */
    @Test
    void mqttJsOverWssCannotConnectWhenChromiumDoesNotTrustTheSuiteCa() throws Exception {
        String base = "browser/untrusted";
        try (PageServer server = PageServer.start(page);
             ChromiumBrowser chromium = ChromiumBrowser.open(
                     server.pageUrl(query(brokerUrl("wss"), base, "mqttjs-untrusted", 5)), workDir("untrusted"), null)) {
            BrowserEvents events = server.events();
            JsonNode outcome = expect(events, ofType("connected").or(ofType("error")).or(ofType("closed")),
                    "MQTT.js to fail to connect", chromium);
            assertThat(outcome.path("type").asText()).as(() -> diagnostics("the TLS handshake to be refused", events, chromium))
                    .isIn("error", "closed");
            // -202 is Chromium's ERR_CERT_AUTHORITY_INVALID: refused for the unknown CA, not for anything else.
            await("Chromium's log of the failed handshake").atMost(WAIT)
                    .untilAsserted(() -> assertThat(chromium.output()).contains("net_error -202"));
        }
    }

    private static String brokerUrl(String transport) {
        StarlingSuite.GatewayPorts ports = suite.ports("gateway");
        // wss goes to "localhost", a name in the server certificate, so Chromium checks the name as well.
        return "ws".equals(transport)
                ? "ws://127.0.0.1:" + ports.ws() + "/mqtt"
                : "wss://localhost:" + ports.wss() + "/mqtt";
    }

    private static String query(String broker, String topic, String clientId, int protocolVersion) {
        Map<String, String> parameters = Map.of("broker", broker, "topic", topic, "clientId", clientId,
                "protocolVersion", Integer.toString(protocolVersion));
        return parameters.entrySet().stream()
                .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Path workDir(String name) throws Exception {
        Path parent = Files.createDirectories(ROOT.resolve("system-tests/target/browser"));
        return Files.createTempDirectory(parent, name + "-");
    }

    private static Predicate<JsonNode> message(String topic, String payload) {
        return ofType("message").and(event -> topic.equals(event.path("topic").asText())
                && payload.equals(event.path("payload").asText()));
    }

    private static JsonNode expect(BrowserEvents events, Predicate<JsonNode> condition, String what,
                                   ChromiumBrowser chromium) throws InterruptedException {
        return events.await(condition, WAIT)
                .orElseThrow(() -> new AssertionError(diagnostics("no event within " + WAIT + " for " + what, events, chromium)));
    }

    private static String diagnostics(String expectation, BrowserEvents events, ChromiumBrowser chromium) {
        return expectation + "\n--- events the page reported ---\n" + events.describe()
                + "\n--- " + chromium.output() + "\n--- Starling logs ---\n" + suite.logs();
    }
}
