package io.starlingmq.systemtests.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import io.starlingmq.systemtests.browser.DashboardDriver;
import io.starlingmq.systemtests.harness.AuthBackends;
import io.starlingmq.systemtests.harness.KeycloakClientSettings;
import io.starlingmq.systemtests.harness.StarlingSuite;
import io.starlingmq.testing.TestRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real headless Chromium against a real suite (Redis, a router, two gateways, ops, the
 * auth service, and Keycloak with the repository's realm): log in with an API key, see the overview's
 * connection count and message rate follow real MQTT clients, page and search the clients list, open one and
 * kick it, read the subscriptions and topics; log in again through Keycloak, ban a client id, whose reconnect
 * is refused, then lift the ban; add and remove a device and a rule in the auth service. The screenshots go to {@code system-tests/target/dashboard}, or to the folder named by
 * {@code -Dstarling.dashboard.screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {

    private static final Path ROOT = Path.of(System.getProperty("starling.root", "..")).toAbsolutePath().normalize();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String KEY = "dashboard-admin";
    private static final String SECRET = "a-long-random-secret-for-the-dashboard";
    private static final int PER_GATEWAY = 3;
    private static final List<String> GATEWAYS = List.of("gateway-a", "gateway-b");

    @TempDir
    static Path dir;

    private StarlingSuite suite;
    private DashboardDriver browser;
    private String ops;
    private final List<Mqtt5BlockingClient> clients = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        TestRedis redis = TestRedis.shared();
        redis.flushAll();
        // No periodic $SYS messages: the message rates then move only with what the test publishes.
        suite = StarlingSuite.startOnRedis("dashboard", redis.uri(), Map.of("STARLING_ROUTER_SYS_INTERVAL", "0s"));
        for (String gateway : GATEWAYS) {
            suite.startGateway(gateway, Map.of("STARLING_GATEWAY_ID", gateway));
        }
        Path keys = dir.resolve("api-keys");
        Files.writeString(keys, KEY + ":" + SECRET + "\n");
        // The PostgreSQL and Keycloak the auth service's tests use (one each per test run), with the repository's
        // realm; the auth service starts after the gateways, which keep authenticating locally.
        AuthBackends keycloak = AuthBackends.shared();
        int authService = suite.startAuthService(keycloak).httpPort();
        int port = suite.startOps(Map.of("STARLING_OPS_API_KEYS_BOOTSTRAP_FILE", keys.toString(),
                "STARLING_OPS_MONITOR_INTERVAL", "2s", "STARLING_OPS_OIDC_AUTH_SERVER_URL", keycloak.realmUrl(),
                "STARLING_OPS_AUTH_SERVICE_URL", "http://127.0.0.1:" + authService)).httpPort();
        ops = "http://127.0.0.1:" + port;
        KeycloakClientSettings.allowDashboard(keycloak.keycloakUrl(), "starling", "ops", ops);
        browser = DashboardDriver.start(ROOT, Files.createDirectories(dir.resolve("browser")));
    }

    @AfterAll
    void stop() throws Exception {
        for (Mqtt5BlockingClient client : clients) {
            if (client.getState().isConnected()) {
                client.disconnect();
            }
        }
        if (browser != null) {
            browser.close();
        }
        suite.close();
    }

    @Test
    void anOperatorWatchesTheLoadFindsAndKicksAClientAndBansOneThroughSingleSignOn() throws Exception {
        browser.goTo(ops + "/");
        browser.fill("[data-testid=login] input[name=key]", KEY);
        browser.fill("[data-testid=login] input[name=secret]", "not-the-secret");
        browser.click("[data-testid=login] button[type=submit]");
        assertThat(browser.text("[data-testid=login-error]")).contains("refused");
        browser.fill("[data-testid=login] input[name=secret]", SECRET);
        browser.click("[data-testid=login] button[type=submit]");
        assertThat(browser.text("[data-testid=user]")).contains(KEY);
        awaitTile("connections", "0");
        awaitTile("received-rate", "0.0");

        AtomicReference<Mqtt5DisconnectReasonCode> kickedReason = new AtomicReference<>();
        for (String gateway : GATEWAYS) {
            for (int i = 1; i <= PER_GATEWAY; i++) {
                String id = "dash-" + gateway.charAt(gateway.length() - 1) + "-" + i;
                Mqtt5BlockingClient client = Mqtt5Client.builder().identifier(id).serverHost("127.0.0.1")
                        .serverPort(suite.mqttPort(gateway))
                        .addDisconnectedListener(context -> {
                            if (id.equals("dash-b-1") && context.getCause() instanceof Mqtt5DisconnectException d) {
                                kickedReason.set(d.getMqttMessage().getReasonCode());
                            }
                        })
                        .buildBlocking();
                client.connect();
                client.subscribeWith().topicFilter("dash/#").qos(MqttQos.AT_MOST_ONCE).send();
                clients.add(client);
            }
        }
        awaitTile("connections", String.valueOf(2 * PER_GATEWAY));
        awaitTile("subscriptions", String.valueOf(2 * PER_GATEWAY));
        await().atMost(WAIT).untilAsserted(() -> assertThat(browser.texts("[data-testid=gateway-row]"))
                .containsExactlyInAnyOrder(GATEWAYS.stream().map(g -> g + "running" + PER_GATEWAY).toArray(String[]::new)));

        AtomicBoolean publishing = new AtomicBoolean(true);
        Thread publisher = Thread.ofPlatform().name("dashboard-publisher").start(() -> {
            Mqtt5BlockingClient client = clients.getFirst();
            while (publishing.get()) {
                client.publishWith().topic("dash/load").payload(new byte[16]).qos(MqttQos.AT_MOST_ONCE).send();
                // About 100 messages a second: a steady rate, not a flood, on cores shared with the suite.
                pace(10);
            }
        });
        try {
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(tileNumber("received-rate")).as("messages received per second").isGreaterThan(20);
                assertThat(tileNumber("sent-rate")).as("each message went to %s subscribers", 2 * PER_GATEWAY)
                        .isGreaterThan(tileNumber("received-rate") * 2);
            });
            assertThat(tileNumber("received-total")).isGreaterThan(0);
            browser.screenshot(screenshots().resolve("dashboard-overview.png"));
        } finally {
            publishing.set(false);
            publisher.join();
        }

        browser.goTo(ops + "/#/clients");
        await().atMost(WAIT).untilAsserted(() -> assertThat(clientRows()).hasSize(2 * PER_GATEWAY));
        assertThat(clientRows()).allSatisfy(row -> assertThat(row).contains("127.0.0.1:").contains("connectedgateway-")
                .contains("MQTT 5"));
        assertThat(browser.text("[data-testid=clients-pager-page]")).isEqualTo("page 1 of 1 (6 in all)");
        browser.screenshot(screenshots().resolve("dashboard-clients.png"));

        // EMQX's paging: four a page, then the other two.
        browser.fill("[data-testid=clients-filters] input[name=limit]", "4");
        browser.click("[data-testid=clients-filters] button[type=submit]");
        await().atMost(WAIT).untilAsserted(() -> assertThat(clientIds()).containsExactly("dash-a-1", "dash-a-2",
                "dash-a-3", "dash-b-1"));
        assertThat(browser.text("[data-testid=clients-pager-page]")).isEqualTo("page 1 of 2 (6 in all)");
        browser.click("[data-testid=clients-pager] button[name=next]");
        await().atMost(WAIT).untilAsserted(() -> assertThat(clientIds()).containsExactly("dash-b-2", "dash-b-3"));
        assertThat(browser.text("[data-testid=clients-pager-page]")).isEqualTo("page 2 of 2 (6 in all)");

        // The search: part of the id, then by gateway.
        browser.fill("[data-testid=clients-filters] input[name=limit]", "50");
        browser.fill("[data-testid=clients-filters] input[name=like_clientid]", "b-1");
        browser.click("[data-testid=clients-filters] button[type=submit]");
        await().atMost(WAIT).untilAsserted(() -> assertThat(clientIds()).containsExactly("dash-b-1"));
        browser.fill("[data-testid=clients-filters] input[name=like_clientid]", "");
        browser.fill("[data-testid=clients-filters] input[name=node]", "gateway-a");
        browser.fill("[data-testid=clients-filters] input[name=ip_address]", "127.0.0.1");
        browser.click("[data-testid=clients-filters] button[type=submit]");
        await().atMost(WAIT).untilAsserted(() -> assertThat(clientIds()).containsExactly("dash-a-1", "dash-a-2", "dash-a-3"));
        browser.fill("[data-testid=clients-filters] input[name=node]", "");
        browser.fill("[data-testid=clients-filters] input[name=like_clientid]", "b-1");
        browser.click("[data-testid=clients-filters] button[type=submit]");
        await().atMost(WAIT).untilAsserted(() -> assertThat(clientIds()).containsExactly("dash-b-1"));

        // Its details, opened from the list, and the kick.
        browser.click("[data-testid=clients] tbody a");
        assertThat(browser.text("[data-testid=client-status]")).isEqualTo("connected");
        assertThat(browser.text("[data-testid=client-info]")).contains("gatewaygateway-b").contains("subscriptions1");
        assertThat(browser.texts("[data-testid=client-subscriptions] tbody tr")).containsExactly("dash/#0000");
        browser.click("[data-testid=kick]");
        assertThat(browser.text("[data-testid=kick-result]")).startsWith("Kicked");
        await().atMost(WAIT).untilAsserted(() -> assertThat(kickedReason.get())
                .isEqualTo(Mqtt5DisconnectReasonCode.ADMINISTRATIVE_ACTION));
        await().atMost(WAIT).untilAsserted(() -> {
            browser.goTo(ops + "/#/nodes");
            browser.goTo(ops + "/#/clients");
            browser.fill("[data-testid=clients-filters] input[name=like_clientid]", "b-1");
            browser.click("[data-testid=clients-filters] button[type=submit]");
            assertThat(browser.texts("[data-testid=clients] tbody tr")).as("the kicked clean session is gone")
                    .containsExactly("no client matches");
        });
        browser.goTo(ops + "/#/overview");
        awaitTile("connections", String.valueOf(2 * PER_GATEWAY - 1));

        browser.goTo(ops + "/#/subscriptions");
        await().atMost(WAIT).untilAsserted(() -> assertThat(browser.texts("[data-testid=subscriptions] tbody tr"))
                .hasSize(2 * PER_GATEWAY - 1).allSatisfy(row -> assertThat(row).endsWith("dash/#0000")));
        browser.fill("[data-testid=subscriptions-filters] input[name=clientid]", "dash-a-2");
        browser.click("[data-testid=subscriptions-filters] button[type=submit]");
        await().atMost(WAIT).untilAsserted(() -> assertThat(browser.texts("[data-testid=subscriptions] tbody tr"))
                .containsExactly("dash-a-2dash/#0000"));
        browser.fill("[data-testid=subscriptions-filters] input[name=clientid]", "");
        browser.fill("[data-testid=subscriptions-filters] input[name=limit]", "2");
        browser.click("[data-testid=subscriptions-filters] button[type=submit]");
        await().atMost(WAIT).untilAsserted(() -> assertThat(browser.text("[data-testid=subscriptions-pager-page]"))
                .isEqualTo("page 1 of 3 (5 in all)"));
        browser.click("[data-testid=subscriptions-pager] button[name=next]");
        browser.click("[data-testid=subscriptions-pager] button[name=next]");
        await().atMost(WAIT).untilAsserted(() -> assertThat(browser.texts("[data-testid=subscriptions] tbody tr"))
                .containsExactly("dash-b-3dash/#0000"));
        browser.fill("[data-testid=subscriptions-filters] input[name=limit]", "50");
        browser.fill("[data-testid=subscriptions-filters] input[name=match_topic]", "other/#");
        browser.click("[data-testid=subscriptions-filters] button[type=submit]");
        await().atMost(WAIT).untilAsserted(() -> assertThat(browser.texts("[data-testid=subscriptions] tbody tr"))
                .containsExactly("no subscription matches"));

        browser.goTo(ops + "/#/topics");
        await().atMost(WAIT).untilAsserted(() -> assertThat(browser.texts("[data-testid=topics] tbody tr"))
                .containsExactly("dash/#" + (2 * PER_GATEWAY - 1)));
        browser.fill("[data-testid=topics-filters] input[name=topic]", "other/#");
        browser.click("[data-testid=topics-filters] button[type=submit]");
        await().atMost(WAIT).untilAsserted(() -> assertThat(browser.texts("[data-testid=topics] tbody tr"))
                .containsExactly("no topic matches"));

        browser.goTo(ops + "/#/nodes");
        await().atMost(WAIT).untilAsserted(() -> assertThat(browser.texts("[data-testid=nodes] tbody tr"))
                .hasSize(5).anySatisfy(row -> assertThat(row).startsWith("gateway-agatewayrunning3"))
                .anySatisfy(row -> assertThat(row).contains("routerrunning"))
                .anySatisfy(row -> assertThat(row).contains("opsrunning"))
                .anySatisfy(row -> assertThat(row).contains("auth_servicerunning")));

        browser.goTo(ops + "/#/publish");
        browser.fill("[data-testid=publish-form] input[name=topic]", "dash/retained");
        browser.fill("[data-testid=publish-form] textarea[name=payload]", "kept for later");
        browser.click("[data-testid=publish-form] input[name=retain]");
        browser.click("[data-testid=publish-form] button[type=submit]");
        assertThat(browser.text("[data-testid=publish-result]")).as("the clients subscribed to dash/#")
                .startsWith("Published (id ").endsWith("a subscription matched.");
        browser.goTo(ops + "/#/retained");
        await().atMost(WAIT).untilAsserted(() -> assertThat(browser.texts("[data-testid=retained] tbody tr"))
                .containsExactly("dash/retained0delete"));
        browser.click("[data-testid=retained] a");
        assertThat(browser.text("[data-testid=retained-payload]")).isEqualTo("kept for later");
        browser.click("[data-testid=retained] button.danger");
        await().atMost(WAIT).untilAsserted(() -> assertThat(browser.texts("[data-testid=retained] tbody tr"))
                .containsExactly("no retained message"));

        // The auth service's admin API checks its own roles on a token: an API key is not passed on.
        browser.goTo(ops + "/#/devices");
        assertThat(browser.text("[data-testid=devices-error]"))
                .startsWith("GET /auth_service/devices failed: FORBIDDEN: the auth service's admin API takes a single sign-on token");

        // Single sign-on: the operator logs out and in again through Keycloak, then bans with the token.
        browser.click("[data-testid=user] button");
        browser.click("[data-testid=login-oidc]");
        browser.fill("#username", "ops-admin");
        browser.fill("#password", "ops-admin");
        browser.click("#kc-login");
        assertThat(browser.text("[data-testid=user]")).startsWith("ops-admin");
        assertThat(browser.url()).as("the code and state are gone from the address").isEqualTo(ops + "/#/devices");

        Mqtt5BlockingClient banned = clients.get(1);
        String bannedId = "dash-a-2";
        browser.goTo(ops + "/#/banned");
        await().atMost(WAIT).untilAsserted(() -> assertThat(browser.texts("[data-testid=banned] tbody tr"))
                .containsExactly("nobody is banned"));
        browser.fill("[data-testid=ban-form] input[name=who]", bannedId);
        browser.fill("[data-testid=ban-form] input[name=reason]", "misbehaving");
        browser.click("[data-testid=ban-form] button[type=submit]");
        assertThat(browser.text("[data-testid=ban-result]")).startsWith("Banned clientid " + bannedId);
        await().atMost(WAIT).untilAsserted(() -> assertThat(browser.texts("[data-testid=banned] tbody tr"))
                .singleElement().satisfies(row -> assertThat(row).startsWith("clientid" + bannedId + "misbehavingops-admin")
                        .endsWith("for everlift")));
        await().atMost(WAIT).until(() -> !banned.getState().isConnected());
        assertThatThrownBy(banned::connect).isInstanceOfSatisfying(Mqtt5ConnAckException.class,
                refused -> assertThat(refused.getMqttMessage().getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.BANNED));

        browser.click("[data-testid=lift]");
        await().atMost(WAIT).untilAsserted(() -> assertThat(browser.text("[data-testid=ban-result]"))
                .startsWith("Lifted the ban of clientid " + bannedId));
        await().atMost(WAIT).untilAsserted(() -> assertThat(browser.texts("[data-testid=banned] tbody tr"))
                .containsExactly("nobody is banned"));
        assertThat(banned.connect().getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.SUCCESS);

        // The auth service's devices and rules, through ops with the same token.
        String device = "dash-device-" + ProcessHandle.current().pid();
        browser.goTo(ops + "/#/devices");
        browser.fill("[data-testid=device-form] input[name=clientId]", device);
        browser.fill("[data-testid=device-form] input[name=password]", "a-device-password");
        browser.click("[data-testid=device-form] button[type=submit]");
        assertThat(browser.text("[data-testid=device-result]")).isEqualTo("Added device " + device + ".");
        await().atMost(WAIT).untilAsserted(() -> assertThat(browser.texts("[data-testid=devices] tbody tr"))
                .anySatisfy(row -> assertThat(row).startsWith(device + "noyes")));
        browser.fill("[data-testid=rule-form] input[name=subject]", device);
        browser.fill("[data-testid=rule-form] input[name=topic]", "dash/devices/#");
        browser.click("[data-testid=rule-form] button[type=submit]");
        assertThat(browser.text("[data-testid=rule-result]")).startsWith("Added rule ");
        browser.fill("[data-testid=rule-filters] input[name=subject]", device);
        browser.click("[data-testid=rule-filters] button[type=submit]");
        await().atMost(WAIT).untilAsserted(() -> assertThat(browser.texts("[data-testid=rules] tbody tr")).singleElement()
                .satisfies(row -> assertThat(row).endsWith("client" + device + "0allowpublishdash/devices/#remove")));
        browser.click("[data-testid=rules] button.danger");
        await().atMost(WAIT).untilAsserted(() -> assertThat(browser.texts("[data-testid=rules] tbody tr"))
                .containsExactly("no rule"));
        browser.click("[data-testid=devices] tbody tr:has-text('" + device + "') button.danger");
        await().atMost(WAIT).untilAsserted(() -> assertThat(browser.texts("[data-testid=devices] tbody tr"))
                .noneSatisfy(row -> assertThat(row).startsWith(device)));

        // Only the refused login (401), the kicked client's page after the kick (404) and the devices refused to
        // the API key (403) failed to load.
        assertThat(browser.pageErrors()).allSatisfy(error -> assertThat(error)
                .matches("console: Failed to load resource: the server responded with a status of (401|403|404) .*"));
    }

    private List<String> clientRows() {
        return browser.texts("[data-testid=clients] tbody tr");
    }

    private List<String> clientIds() {
        return browser.texts("[data-testid=clients] tbody td:first-child");
    }

    private void awaitTile(String tile, String expected) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(browser.text("[data-testid=" + tile + "]"))
                .as("overview tile %s", tile).isEqualTo(expected));
    }

    private double tileNumber(String tile) {
        String text = browser.text("[data-testid=" + tile + "]").replace(",", "");
        return text.equals("–") ? 0 : Double.parseDouble(text);
    }

    private static Path screenshots() {
        String configured = System.getProperty("starling.dashboard.screenshots", "");
        return configured.isBlank() ? ROOT.resolve("system-tests/target/dashboard") : Path.of(configured);
    }

    private static void pace(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
