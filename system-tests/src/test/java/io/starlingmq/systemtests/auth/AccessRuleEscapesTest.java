package io.starlingmq.systemtests.auth;

import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.starlingmq.systemtests.harness.AuthBackends;
import io.starlingmq.systemtests.harness.DeviceClients;
import io.starlingmq.systemtests.harness.KeycloakDeviceTokens;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import io.starlingmq.systemtests.harness.StarlingSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Device dev-1 holds a Keycloak token whose rules allow publish and subscribe under
 * {@code devices/dev-1/#} only. Each test tries one way out of that and expects the gateway to refuse
 * it, per filter or per message, while the connection stays usable.
 */
class AccessRuleEscapesTest {

    private static final int NOT_AUTHORIZED = 0x87;
    private static final int V3_SUBACK_FAILURE = 0x80;
    private static final int TOPIC_NAME_INVALID = 0x90;
    private static final int GRANTED_QOS_1 = 1;

    private static StarlingSuite suite;
    private static String dev1Token;
    private static int port;

    private Mqtt5BlockingClient device;

    @BeforeAll
    static void startSuite() throws Exception {
        AuthBackends backends = AuthBackends.shared();
        suite = StarlingSuite.startWithAuthService("access-rule-escapes", backends, "gateway-a");
        port = suite.mqttPort("gateway-a");
        dev1Token = new KeycloakDeviceTokens(backends.realmUrl()).accessToken("dev-1");
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @BeforeEach
    void connectDevice() {
        device = DeviceClients.mqtt5("dev-1", port);
        DeviceClients.connect(device, dev1Token);
    }

    @AfterEach
    void disconnectDevice() {
        if (device.getState().isConnected()) {
            device.disconnect();
        }
    }

    @Test
    void subscribingToEverythingIsRefused() throws Exception {
        assertThat(DeviceClients.subscribe(device, "#")).containsExactly(NOT_AUTHORIZED);
        assertOwnTopicsStillGranted();
    }

    @Test
    void subscribingWithALeadingSingleLevelWildcardIsRefused() throws Exception {
        assertThat(DeviceClients.subscribe(device, "+/dev-1/#")).containsExactly(NOT_AUTHORIZED);
        assertOwnTopicsStillGranted();
    }

    @Test
    void subscribingToSystemTopicsIsRefused() throws Exception {
        assertThat(DeviceClients.subscribe(device, "$SYS/#")).containsExactly(NOT_AUTHORIZED);
        assertOwnTopicsStillGranted();
    }

    @Test
    void subscribingToAnotherDevicesTopicsIsRefused() throws Exception {
        assertThat(DeviceClients.subscribe(device, "devices/dev-2/#")).containsExactly(NOT_AUTHORIZED);
        assertOwnTopicsStillGranted();
    }

    @Test
    void publishingToAnotherDevicesTopicIsRefused() throws Exception {
        assertThat(DeviceClients.publishQos1(device, "devices/dev-2/commands", "open")).isEqualTo(NOT_AUTHORIZED);
        assertThat(DeviceClients.publishQos1(device, "devices/dev-1/telemetry", "ok"))
                .as("own topic on the same connection").isIn(0x00, 0x10);
    }

    @Test
    void sharedSubscriptionAroundAnotherDevicesTopicsIsRefused() throws Exception {
        assertThat(DeviceClients.subscribe(device, "$share/g/devices/dev-2/#")).containsExactly(NOT_AUTHORIZED);
        assertOwnTopicsStillGranted();
    }

    @Test
    void publishingToAWildcardTopicIsDisconnectedAsMalformedNotJudgedByTheRules() throws Exception {
        // Client libraries refuse to send such a PUBLISH, so this connection is written by hand.
        device.disconnect();
        try (RawMqttClient raw = RawMqttClient.open(port, MqttPackets.V5)) {
            raw.send(MqttPackets.connectWithCredentials(MqttPackets.V5, "dev-1", 60, "dev-1", dev1Token));
            ReceivedPacket connack = raw.read();
            assertThat(connack.type()).isEqualTo(ReceivedPacket.CONNACK);
            assertThat(connack.connackCode()).as("CONNACK\n%s", suite.logs()).isZero();

            raw.send(MqttPackets.publish(MqttPackets.V5, "devices/dev-1/+", 0, 0, "x".getBytes(StandardCharsets.UTF_8)));

            ReceivedPacket disconnect = raw.read();
            assertThat(disconnect.type()).as("DISCONNECT").isEqualTo(ReceivedPacket.DISCONNECT);
            assertThat(disconnect.disconnectReasonCode()).isEqualTo(TOPIC_NAME_INVALID);
            assertThat(raw.closedByServer()).isTrue();
        }
    }

    @Test
    void mqtt311ClientGetsFailureReturnCodeForARefusedFilter() throws Exception {
        device.disconnect();
        Mqtt3BlockingClient legacy = DeviceClients.mqtt3("dev-1", port);
        DeviceClients.connect(legacy, dev1Token);
        try {
            assertThat(DeviceClients.subscribe(legacy, "#")).containsExactly(V3_SUBACK_FAILURE);
            assertThat(DeviceClients.subscribe(legacy, "devices/dev-1/#")).containsExactly(GRANTED_QOS_1);
        } finally {
            legacy.disconnect();
        }
    }

    /** A refusal is per filter: the same connection may still subscribe within its rules. */
    private void assertOwnTopicsStillGranted() throws Exception {
        assertThat(DeviceClients.subscribe(device, "devices/dev-1/#")).containsExactly(GRANTED_QOS_1);
    }
}
