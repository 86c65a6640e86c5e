package io.starlingmq.gateway.auth;

import static io.starlingmq.testing.mqtt.MqttPackets.V311;
import static io.starlingmq.testing.mqtt.MqttPackets.V5;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.starlingmq.gateway.support.LinkedGatewayTest;
import io.starlingmq.gateway.support.TestRouterResource;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import io.vertx.core.json.JsonObject;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * MQTT 5 enhanced authentication with a JWT under method {@code JWT}, and re-authentication (AUTH 0x19)
 * that renews the connection's rules and expiry, against a fake auth service.
 */
@QuarkusTest
@QuarkusTestResource(TestRouterResource.class)
@QuarkusTestResource(value = AuthServiceResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "timeout", value = "10s"))
class ReauthenticationTest extends LinkedGatewayTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final byte[] PAYLOAD = "on".getBytes(StandardCharsets.UTF_8);

    FakeAuthService authService;

    @BeforeEach
    void allowOwnTopicsByDefault() {
        authService.answer(200, allow("devices/dev-7/#", null));
    }

    @AfterEach
    void releaseHeldRequests() {
        authService.release();
    }

    @Test
    @DisplayName("[MQTT-4.12.0-5] the token goes to the auth service as password and the CONNACK repeats the method")
    void enhancedAuthenticationSendsTheTokenAsPasswordAndConnackEchoesTheMethod() throws IOException {
        int before = authService.requests().size();
        try (RawMqttClient client = RawMqttClient.open(port)) {
            client.send(EnhancedAuthBytes.connect("dev-7", "JWT", "token-1"));
            MqttMessage connack = EnhancedAuthBytes.decode(client.read());

            assertThat(connack).isInstanceOfSatisfying(MqttConnAckMessage.class, ack -> {
                assertThat(ack.variableHeader().connectReturnCode().byteValue()).isZero();
                assertThat(ack.variableHeader().properties()
                        .getProperty(MqttPropertyType.AUTHENTICATION_METHOD.value()).value()).isEqualTo("JWT");
            });
        }
        assertThat(authService.requests().subList(before, authService.requests().size()))
                .singleElement().satisfies(request -> assertThat(new JsonObject(request).getString("password"))
                        .isEqualTo("token-1"));
    }

    @Test
    void unsupportedAuthenticationMethodIsRefusedWithBadAuthenticationMethod() throws IOException {
        try (RawMqttClient client = RawMqttClient.open(port)) {
            client.send(EnhancedAuthBytes.connect("dev-7", "SCRAM-SHA-1", "client-first"));
            ReceivedPacket connack = client.read();
            assertThat(connack.type()).isEqualTo(ReceivedPacket.CONNACK);
            assertThat(connack.u8(1)).isEqualTo(0x8C);
        }
    }

    @Test
    void connectionWithoutEnhancedAuthenticationGetsNoMethodInItsConnack() throws IOException {
        try (RawMqttClient client = RawMqttClient.open(port)) {
            client.send(MqttPackets.connect(V5, "dev-7", 0, true));
            MqttMessage connack = EnhancedAuthBytes.decode(client.read());

            // [MQTT-4.12.0-6] no Authentication Method at CONNECT: none in the CONNACK either.
            assertThat(((MqttConnAckMessage) connack).variableHeader().properties()
                    .getProperty(MqttPropertyType.AUTHENTICATION_METHOD.value())).isNull();
        }
    }

    @Test
    void reauthenticationExtendsTheExpiryBeyondTheFirstCredential() throws IOException {
        Instant firstExpiry = Instant.now().plusSeconds(4);
        authService.answer(200, allow("devices/dev-7/#", firstExpiry));
        try (RawMqttClient client = RawMqttClient.connected(port, V5,
                EnhancedAuthBytes.connect("dev-7", "JWT", "token-1"))) {
            authService.answer(200, allow("devices/dev-7/#", Instant.now().plusSeconds(600)));
            client.send(EnhancedAuthBytes.auth(0x19, "JWT", "token-2"));

            MqttMessage auth = EnhancedAuthBytes.decode(client.read());
            assertThat(auth.fixedHeader().messageType().value()).isEqualTo(EnhancedAuthBytes.AUTH);
            MqttReasonCodeAndPropertiesVariableHeader header = (MqttReasonCodeAndPropertiesVariableHeader) auth.variableHeader();
            assertThat(header.reasonCode()).isZero();
            assertThat(header.properties().getProperty(MqttPropertyType.AUTHENTICATION_METHOD.value()).value())
                    .isEqualTo("JWT");

            // The first credential's expiry (whole seconds) passes; the renewed connection stays served.
            await().atMost(WAIT).until(() -> Instant.now().isAfter(firstExpiry.plusSeconds(1)));
            assertThat(client.pingAnswered()).as("connection outlives the first credential").isTrue();
        }
        assertThat(new JsonObject(authService.requests().getLast()).getString("password")).isEqualTo("token-2");
    }

    @Test
    void reauthenticationWithTheHiveMqClientChangesTheRules() throws Exception {
        JwtTokenMechanism mechanism = new JwtTokenMechanism("token-1");
        Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier("dev-7")
                .serverHost("127.0.0.1").serverPort(port).enhancedAuth(mechanism).buildBlocking();
        client.connect();
        try {
            assertThatThrownBy(() -> client.subscribeWith().topicFilter("fleet/#").qos(MqttQos.AT_LEAST_ONCE).send())
                    .isInstanceOfSatisfying(Mqtt5SubAckException.class, refused -> assertThat(
                            refused.getMqttMessage().getReasonCodes()).containsExactly(Mqtt5SubAckReasonCode.NOT_AUTHORIZED));

            authService.answer(200, allow("fleet/#", null));
            mechanism.refresh("token-2");
            client.toAsync().reauth().get(WAIT.toSeconds(), TimeUnit.SECONDS);

            assertThat(client.subscribeWith().topicFilter("fleet/#").qos(MqttQos.AT_LEAST_ONCE).send().getReasonCodes())
                    .containsExactly(Mqtt5SubAckReasonCode.GRANTED_QOS_1);
            assertThat(new JsonObject(authService.requests().getLast()).getString("password")).isEqualTo("token-2");
        } finally {
            client.disconnect();
        }
    }

    @Test
    void deniedReauthenticationDisconnectsNotAuthorized() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5,
                EnhancedAuthBytes.connect("dev-7", "JWT", "token-1"))) {
            authService.answer(200, """
                    {"result": "deny", "reason": "jwt: expired", "superuser": false, "rules": []}""");
            client.send(EnhancedAuthBytes.auth(0x19, "JWT", "stale-token"));

            ReceivedPacket disconnect = client.read();
            assertThat(disconnect.type()).isEqualTo(ReceivedPacket.DISCONNECT);
            assertThat(disconnect.disconnectReasonCode()).isEqualTo(0x87);
        }
    }

    @Test
    void reauthenticationTheAuthServiceCannotAnswerDisconnectsServerBusy() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5,
                EnhancedAuthBytes.connect("dev-7", "JWT", "token-1"))) {
            authService.answer(503, "{}");
            client.send(EnhancedAuthBytes.auth(0x19, "JWT", "token-2"));

            ReceivedPacket disconnect = client.read();
            assertThat(disconnect.type()).isEqualTo(ReceivedPacket.DISCONNECT);
            assertThat(disconnect.disconnectReasonCode()).isEqualTo(0x89);
        }
    }

    @Test
    @DisplayName("[MQTT-4.12.0-7] AUTH from a client that used no Authentication Method at CONNECT is a Protocol Error")
    void authWithoutEnhancedAuthenticationAtConnectIsProtocolError() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "dev-7")) {
            client.send(EnhancedAuthBytes.auth(0x19, "JWT", "token-2"));

            ReceivedPacket disconnect = client.read();
            assertThat(disconnect.type()).isEqualTo(ReceivedPacket.DISCONNECT);
            assertThat(disconnect.disconnectReasonCode()).isEqualTo(0x82);
        }
    }

    @Test
    @DisplayName("[MQTT-4.12.1-1] re-authentication under another method than the CONNECT's is refused 0x8C")
    void reauthenticationUnderAnotherMethodIsBadAuthenticationMethod() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5,
                EnhancedAuthBytes.connect("dev-7", "JWT", "token-1"))) {
            client.send(EnhancedAuthBytes.auth(0x19, "SCRAM-SHA-1", "client-first"));

            ReceivedPacket disconnect = client.read();
            assertThat(disconnect.type()).isEqualTo(ReceivedPacket.DISCONNECT);
            assertThat(disconnect.disconnectReasonCode()).isEqualTo(0x8C);
        }
    }

    @Test
    void authOtherThanReauthenticateIsProtocolError() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5,
                EnhancedAuthBytes.connect("dev-7", "JWT", "token-1"))) {
            // 0x18 Continue authentication: the gateway never sent a challenge to continue.
            client.send(EnhancedAuthBytes.auth(0x18, "JWT", "token-2"));

            ReceivedPacket disconnect = client.read();
            assertThat(disconnect.type()).isEqualTo(ReceivedPacket.DISCONNECT);
            assertThat(disconnect.disconnectReasonCode()).isEqualTo(0x82);
        }
    }

    @Test
    void reauthenticationWithoutMethodIsProtocolError() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5,
                EnhancedAuthBytes.connect("dev-7", "JWT", "token-1"))) {
            client.send(EnhancedAuthBytes.auth(0x19, null, "token-2"));

            ReceivedPacket disconnect = client.read();
            assertThat(disconnect.type()).isEqualTo(ReceivedPacket.DISCONNECT);
            assertThat(disconnect.disconnectReasonCode()).isEqualTo(0x82);
        }
    }

    @Test
    void authWithAPropertyAuthMayNotCarryIsMalformed() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5,
                EnhancedAuthBytes.connect("dev-7", "JWT", "token-1"))) {
            // AUTH 0x19, properties: Authentication Method "JWT", then Payload Format Indicator 1.
            client.send(MqttPackets.packet(0xF0, new byte[] {0x19, 8, 0x15, 0, 3, 'J', 'W', 'T', 0x01, 1}));

            ReceivedPacket disconnect = client.read();
            assertThat(disconnect.type()).isEqualTo(ReceivedPacket.DISCONNECT);
            assertThat(disconnect.disconnectReasonCode()).isEqualTo(0x81);
        }
    }

    @Test
    void secondReauthenticationWhileOneIsInFlightIsProtocolErrorAndTheOldRulesServeMeanwhile() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5,
                EnhancedAuthBytes.connect("dev-7", "JWT", "token-1"))) {
            authService.hold();
            client.send(EnhancedAuthBytes.auth(0x19, "JWT", "token-2"));
            await().atMost(WAIT).until(() -> authService.heldRequests() == 1);

            client.send(MqttPackets.publish(V5, "devices/dev-7/light", 1, 5, PAYLOAD));
            ReceivedPacket puback = client.read();
            assertThat(puback.type()).isEqualTo(ReceivedPacket.PUBACK);
            assertThat(puback.ackReasonCode()).as("old rules still apply").isZero();

            client.send(EnhancedAuthBytes.auth(0x19, "JWT", "token-3"));
            ReceivedPacket disconnect = client.read();
            assertThat(disconnect.type()).isEqualTo(ReceivedPacket.DISCONNECT);
            assertThat(disconnect.disconnectReasonCode()).isEqualTo(0x82);
        }
    }

    @Test
    void authFromA311ClientClosesTheConnection() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V311, "dev-7")) {
            client.send(new byte[] {(byte) 0xF0, 0x00});

            assertThat(client.closedWithin(WAIT)).isTrue();
        }
    }

    @Test
    @DisplayName("[MQTT-3.14.0-1] AUTH before CONNACK closes the connection without CONNACK or DISCONNECT")
    void authBeforeConnackClosesTheConnection() throws IOException {
        byte[] connect = EnhancedAuthBytes.connect("dev-7", "JWT", "token-1");
        byte[] auth = EnhancedAuthBytes.auth(0x19, "JWT", "token-2");
        byte[] both = new byte[connect.length + auth.length];
        System.arraycopy(connect, 0, both, 0, connect.length);
        System.arraycopy(auth, 0, both, connect.length, auth.length);
        try (RawMqttClient client = RawMqttClient.open(port)) {
            // One write: both packets are decoded together, while the CONNECT is still being authenticated.
            client.send(both);

            assertThatThrownBy(client::read).isInstanceOfAny(EOFException.class, SocketException.class);
        }
    }

    private static String allow(String topic, Instant expiresAt) {
        return new JsonObject()
                .put("result", "allow").put("reason", "test").put("superuser", false)
                .put("expiresAt", expiresAt == null ? null : expiresAt.getEpochSecond())
                .put("rules", List.of(new JsonObject().put("permission", "allow").put("action", "all")
                        .put("topics", List.of(topic))))
                .encode();
    }
}
