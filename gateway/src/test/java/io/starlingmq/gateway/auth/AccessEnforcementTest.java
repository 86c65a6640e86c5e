package io.starlingmq.gateway.auth;

import static io.starlingmq.testing.mqtt.MqttPackets.V311;
import static io.starlingmq.testing.mqtt.MqttPackets.V5;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.starlingmq.gateway.support.LinkedGatewayTest;
import io.starlingmq.gateway.support.TestRouterResource;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway in service mode: CONNECT is decided by the auth service, and the rules it returns are
 * enforced on every PUBLISH and SUBSCRIBE.
 */
@QuarkusTest
@QuarkusTestResource(TestRouterResource.class)
@QuarkusTestResource(value = AuthServiceResource.class, restrictToAnnotatedClass = true)
class AccessEnforcementTest extends LinkedGatewayTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final byte[] PAYLOAD = "21.5".getBytes(StandardCharsets.UTF_8);

    FakeAuthService authService;

    @BeforeEach
    void answerAllowForOwnTopicsByDefault() {
        authService.answer(200, allowOwnTopics("dev-7", null));
    }

    @Test
    void deniedCredentialsAreRefusedWithBadUserNameOrPassword() throws IOException {
        authService.answer(200, """
                {"result": "deny", "reason": "jwt: expired", "superuser": false, "rules": []}""");
        assertThat(connackCode(V5, "dev-7")).isEqualTo(0x86);
        assertThat(connackCode(V311, "dev-7")).isEqualTo(0x04);
    }

    @Test
    void unrecognisedDeviceIsRefusedAsNotAuthorized() throws IOException {
        authService.answer(200, """
                {"result": "ignore", "reason": "no authenticator", "superuser": false, "rules": []}""");
        assertThat(connackCode(V5, "dev-7")).isEqualTo(0x87);
        assertThat(connackCode(V311, "dev-7")).isEqualTo(0x05);
    }

    @Test
    void failingAuthServiceRefusesNewConnectionsAsServerUnavailable() throws IOException {
        authService.answer(503, "{}");
        assertThat(connackCode(V5, "dev-7")).isEqualTo(0x88);
        assertThat(connackCode(V311, "dev-7")).isEqualTo(0x03);
    }

    @Test
    void connectedDeviceKeepsWorkingWhenTheAuthServiceFails() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "dev-7")) {
            authService.answer(503, "{}");
            client.send(MqttPackets.publish(V5, "devices/dev-7/temperature", 1, 3, PAYLOAD));
            ReceivedPacket puback = client.read();
            assertThat(puback.type()).isEqualTo(ReceivedPacket.PUBACK);
            assertThat(puback.ackReasonCode()).isZero();
        }
    }

    @Test
    void publishOutsideTheRulesIsAnsweredNotAuthorizedAndNeverForwarded() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "dev-7")) {
            client.send(MqttPackets.publish(V5, "devices/dev-8/temperature", 1, 11, PAYLOAD));
            ReceivedPacket refused = client.read();
            assertThat(refused.type()).isEqualTo(ReceivedPacket.PUBACK);
            assertThat(refused.u16(0)).isEqualTo(11);
            assertThat(refused.ackReasonCode()).isEqualTo(0x87);

            client.send(MqttPackets.publish(V5, "devices/dev-7/pressure", 1, 12, PAYLOAD));
            ReceivedPacket accepted = client.read();
            assertThat(accepted.u16(0)).isEqualTo(12);
            assertThat(accepted.ackReasonCode()).isZero();
        }
        assertThat(router.events(e -> e.hasPublish() && e.getPublish().getMessage().getTopic().equals("devices/dev-8/temperature")))
                .as("a refused publish never reaches a router").isEmpty();
        assertThat(router.events(e -> e.hasPublish() && e.getPublish().getMessage().getTopic().equals("devices/dev-7/pressure")))
                .hasSize(1);
    }

    @Test
    void subscriptionOutsideTheRulesIsRefusedForThatFilterOnly() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "dev-7")) {
            client.send(MqttPackets.subscribe(V5, 21, 1, "devices/dev-7/#", "#", "$SYS/#"));
            ReceivedPacket suback = client.read();
            assertThat(suback.type()).isEqualTo(ReceivedPacket.SUBACK);
            // packet id (2), properties length (1), properties (the refusal's Reason String), one code per filter
            int codes = 3 + suback.u8(2);
            assertThat(suback.u8(codes)).isEqualTo(1);
            assertThat(suback.u8(codes + 1)).isEqualTo(0x87);
            assertThat(suback.u8(codes + 2)).isEqualTo(0x87);
        }
        await().atMost(WAIT).until(() -> !router.events(e -> e.hasSubscribe()
                && e.getSubscribe().getClientId().equals("dev-7")).isEmpty());
        assertThat(router.events(e -> e.hasSubscribe() && e.getSubscribe().getClientId().equals("dev-7")))
                .allSatisfy(e -> assertThat(e.getSubscribe().getSubscriptionsList())
                        .extracting(s -> s.getFilter()).containsExactly("devices/dev-7/#"));
    }

    @Test
    void v311SubscriptionOutsideTheRulesGetsTheFailureCode() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V311, "dev-7")) {
            client.send(MqttPackets.subscribe(V311, 22, 1, "devices/dev-8/#"));
            ReceivedPacket suback = client.read();
            assertThat(suback.type()).isEqualTo(ReceivedPacket.SUBACK);
            assertThat(suback.u8(2)).isEqualTo(0x80);
        }
    }

    @Test
    void connectionEndsWhenItsCredentialExpires() throws IOException {
        authService.answer(200, allowOwnTopics("dev-7", Instant.now().plusSeconds(2)));
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "dev-7")) {
            ReceivedPacket disconnect = client.read();
            assertThat(disconnect.type()).isEqualTo(ReceivedPacket.DISCONNECT);
            assertThat(disconnect.disconnectReasonCode()).isEqualTo(0xA0);
        }
    }

    @Test
    void willTopicOutsideTheRulesRefusesTheConnectNotAuthorized() throws IOException {
        assertThat(connackCode(WillConnectBytes.connect(V5, "dev-7", "devices/dev-8/status", "gone"))).isEqualTo(0x87);
        assertThat(connackCode(WillConnectBytes.connect(V311, "dev-7", "devices/dev-8/status", "gone"))).isEqualTo(0x05);
        assertThat(router.events(e -> e.hasSessionOpen() && e.getSessionOpen().getWill().getMessage().getTopic()
                .equals("devices/dev-8/status"))).as("a refused CONNECT never opens a session").isEmpty();
    }

    @Test
    void willTopicInsideTheRulesIsAccepted() throws IOException {
        assertThat(connackCode(WillConnectBytes.connect(V5, "dev-7", "devices/dev-7/status", "gone"))).isZero();
        assertThat(connackCode(WillConnectBytes.connect(V311, "dev-7", "devices/dev-7/status", "gone"))).isZero();
    }

    @Test
    void delayedPublishIsJudgedByItsTargetTopic() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "dev-7")) {
            client.send(MqttPackets.publish(V5, "$delayed/60/devices/dev-8/reminder", 1, 31, PAYLOAD));
            ReceivedPacket refused = client.read();
            assertThat(refused.u16(0)).isEqualTo(31);
            assertThat(refused.ackReasonCode()).isEqualTo(0x87);

            client.send(MqttPackets.publish(V5, "$delayed/60/devices/dev-7/reminder", 1, 32, PAYLOAD));
            ReceivedPacket accepted = client.read();
            assertThat(accepted.u16(0)).isEqualTo(32);
            assertThat(accepted.ackReasonCode()).isZero();
        }
        assertThat(router.events(e -> e.hasPublish() && e.getPublish().getMessage().getTopic()
                .equals("$delayed/60/devices/dev-7/reminder"))).as("forwarded as sent, for the router to delay").hasSize(1);
    }

    @Test
    void publishToADollarTopicNoRuleNamesIsNotAuthorized() throws IOException {
        authService.answer(200, """
                {"result": "allow", "reason": "test", "superuser": false, "expiresAt": null,
                 "rules": [{"permission": "allow", "action": "all", "topics": ["#"]}]}""");
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "dev-7")) {
            client.send(MqttPackets.publish(V5, "$SYS/broker/uptime", 1, 41, PAYLOAD));
            ReceivedPacket refused = client.read();
            assertThat(refused.u16(0)).isEqualTo(41);
            assertThat(refused.ackReasonCode()).isEqualTo(0x87);
        }
    }

    private int connackCode(int version, String clientId) throws IOException {
        return connackCode(MqttPackets.connect(version, clientId, 0, true));
    }

    private int connackCode(byte[] connect) throws IOException {
        try (RawMqttClient client = RawMqttClient.open(port)) {
            client.send(connect);
            ReceivedPacket connack = client.read();
            assertThat(connack.type()).isEqualTo(ReceivedPacket.CONNACK);
            return connack.u8(1);
        }
    }

    private static String allowOwnTopics(String clientId, Instant expiresAt) {
        return """
                {"result": "allow", "reason": "test", "superuser": false, "expiresAt": %s,
                 "rules": [{"permission": "allow", "action": "all", "topics": ["devices/%s/#"]}]}
                """.formatted(expiresAt == null ? "null" : Long.toString(expiresAt.getEpochSecond()), clientId);
    }
}
