package io.starlingmq.systemtests.auth;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.starlingmq.launcher.RunningPart;
import io.starlingmq.systemtests.harness.AuthBackends;
import io.starlingmq.systemtests.harness.DeviceClients;
import io.starlingmq.systemtests.harness.KeycloakDeviceTokens;
import io.starlingmq.systemtests.harness.StarlingSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The auth service is asked only on CONNECT: once it is stopped (SIGTERM), a device connected before
 * keeps working on the rules it got, and the gateway fails closed for every new CONNECT with server
 * unavailable (5.0 0x88, 3.1.1 0x03).
 */
class AuthServiceOutageTest {

    private static final int V5_SERVER_UNAVAILABLE = 0x88;
    private static final int V3_SERVER_UNAVAILABLE = 0x03;

    private static StarlingSuite suite;
    private static KeycloakDeviceTokens tokens;
    private static Mqtt5BlockingClient connected;
    private static final BlockingQueue<Mqtt5Publish> received = new LinkedBlockingQueue<>();
    private static int port;

    @BeforeAll
    static void connectDeviceThenStopTheAuthService() throws Exception {
        AuthBackends backends = AuthBackends.shared();
        suite = StarlingSuite.startWithAuthService("auth-service-outage", backends, "gateway-a");
        port = suite.mqttPort("gateway-a");
        tokens = new KeycloakDeviceTokens(backends.realmUrl());

        connected = DeviceClients.mqtt5("dev-1", port);
        connected.toAsync().publishes(MqttGlobalPublishFilter.ALL, received::add);
        DeviceClients.connect(connected, tokens.accessToken("dev-1"));
        assertThat(DeviceClients.subscribe(connected, "devices/dev-1/#")).containsExactly(1);

        RunningPart authService = suite.process(StarlingSuite.AUTH_SERVICE);
        authService.close();
        assertThat(authService.isAlive()).as("auth service stopped").isFalse();
    }

    @AfterAll
    static void stopSuite() {
        if (connected != null && connected.getState().isConnected()) {
            connected.disconnect();
        }
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void deviceConnectedBeforeTheOutageKeepsPublishingAndReceiving() throws Exception {
        for (int i = 0; i < 3; i++) {
            String payload = "reading-" + i;
            assertThat(DeviceClients.publishQos1(connected, "devices/dev-1/telemetry", payload)).as("PUBACK").isZero();
            Mqtt5Publish echo = received.poll(15, TimeUnit.SECONDS);
            assertThat(echo).as("own message back during the outage\n%s", suite.logs()).isNotNull();
            assertThat(new String(echo.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo(payload);
        }
    }

    @Test
    void newMqtt5ConnectionIsRefusedAsServerUnavailable() throws Exception {
        String token = tokens.accessToken("dev-2");
        Mqtt5BlockingClient device = DeviceClients.mqtt5("dev-2", port);
        Mqtt5ConnAckException refused = catchThrowableOfType(Mqtt5ConnAckException.class,
                () -> DeviceClients.connect(device, token));
        assertThat(refused).as("CONNECT refused\n%s", suite.logs()).isNotNull();
        assertThat(refused.getMqttMessage().getReasonCode().getCode()).isEqualTo(V5_SERVER_UNAVAILABLE);
    }

    @Test
    void newMqtt311ConnectionIsRefusedAsServerUnavailable() throws Exception {
        String token = tokens.accessToken("dev-2");
        Mqtt3BlockingClient device = DeviceClients.mqtt3("dev-2", port);
        Mqtt3ConnAckException refused = catchThrowableOfType(Mqtt3ConnAckException.class,
                () -> DeviceClients.connect(device, token));
        assertThat(refused).as("CONNECT refused\n%s", suite.logs()).isNotNull();
        assertThat(refused.getMqttMessage().getReturnCode().getCode()).isEqualTo(V3_SERVER_UNAVAILABLE);
    }
}
