package io.starlingmq.systemtests.auth;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.starlingmq.systemtests.harness.AuthBackends;
import io.starlingmq.systemtests.harness.DeviceClients;
import io.starlingmq.systemtests.harness.KeycloakDeviceTokens;
import io.starlingmq.systemtests.harness.StarlingSuite;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
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
 * A device token from the real Keycloak realm, checked by the real auth service on behalf of a gateway
 * in service mode. The CONNACK codes are the auth service's contract: {@code deny} (credentials checked
 * and wrong) is 0x86, {@code ignore} (nobody recognised them) is 0x87.
 */
class KeycloakDeviceTokenTest {

    private static final int BAD_USER_NAME_OR_PASSWORD = 0x86;
    private static final int NOT_AUTHORIZED = 0x87;

    private static StarlingSuite suite;
    private static String dev1Token;
    private static int port;

    @BeforeAll
    static void startSuite() throws Exception {
        AuthBackends backends = AuthBackends.shared();
        suite = StarlingSuite.startWithAuthService("keycloak-device-token", backends, "gateway-a");
        port = suite.mqttPort("gateway-a");
        dev1Token = new KeycloakDeviceTokens(backends.realmUrl()).accessToken("dev-1");
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void deviceWithItsKeycloakTokenPublishesAndReceivesItsOwnMessageWithinItsTopics() throws Exception {
        Mqtt5BlockingClient device = DeviceClients.mqtt5("dev-1", port);
        BlockingQueue<Mqtt5Publish> received = new LinkedBlockingQueue<>();
        device.toAsync().publishes(MqttGlobalPublishFilter.ALL, received::add);
        DeviceClients.connect(device, dev1Token);
        try {
            assertThat(DeviceClients.subscribe(device, "devices/dev-1/#")).as("SUBACK (granted QoS 1)").containsExactly(1);
            assertThat(DeviceClients.publishQos1(device, "devices/dev-1/telemetry", "21.5")).as("PUBACK").isZero();

            Mqtt5Publish echo = received.poll(15, TimeUnit.SECONDS);
            assertThat(echo).as("own message back\n%s", suite.logs()).isNotNull();
            assertThat(echo.getTopic().toString()).isEqualTo("devices/dev-1/telemetry");
            assertThat(new String(echo.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("21.5");
        } finally {
            device.disconnect();
        }
    }

    @Test
    void tokenOfDev1PresentedWithClientIdDev2IsRefusedAsBadCredentials() {
        Mqtt5BlockingClient impostor = DeviceClients.mqtt5("dev-2", port);
        assertThat(connackCode(() -> DeviceClients.connect(impostor, dev1Token))).isEqualTo(BAD_USER_NAME_OR_PASSWORD);
    }

    @Test
    void tokenWithAlteredSignatureIsRefusedAsBadCredentials() {
        int signatureStart = dev1Token.lastIndexOf('.') + 1;
        char first = dev1Token.charAt(signatureStart);
        String forged = dev1Token.substring(0, signatureStart) + (first == 'A' ? 'B' : 'A')
                + dev1Token.substring(signatureStart + 1);
        Mqtt5BlockingClient device = DeviceClients.mqtt5("dev-1", port);
        assertThat(connackCode(() -> DeviceClients.connect(device, forged))).isEqualTo(BAD_USER_NAME_OR_PASSWORD);
    }

    @Test
    void connectWithoutAnyCredentialIsRefusedAsNotAuthorized() {
        Mqtt5BlockingClient device = DeviceClients.mqtt5("dev-1", port);
        assertThat(connackCode(device::connect)).isEqualTo(NOT_AUTHORIZED);
    }

    @Test
    void garbagePasswordThatNoAuthenticatorRecognisesIsRefusedAsNotAuthorized() {
        Mqtt5BlockingClient device = DeviceClients.mqtt5("dev-1", port);
        assertThat(connackCode(() -> DeviceClients.connect(device, "not-a-token"))).isEqualTo(NOT_AUTHORIZED);
    }

    private static int connackCode(ThrowingCallable connect) {
        Mqtt5ConnAckException refused = catchThrowableOfType(Mqtt5ConnAckException.class, connect);
        assertThat(refused).as("CONNECT refused\n%s", suite.logs()).isNotNull();
        return refused.getMqttMessage().getReasonCode().getCode();
    }
}
