package io.starlingmq.gateway.it;

import static io.starlingmq.testing.mqtt.MqttPackets.V311;
import static io.starlingmq.testing.mqtt.MqttPackets.V5;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.starlingmq.gateway.support.LinkedGatewayTest;
import io.starlingmq.gateway.support.TestRouterResource;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import java.io.IOException;
import java.time.Duration;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

/** CONNACK codes for 3.1.1 and 5.0 clients, and what a successful 5.0 CONNACK announces. */
@QuarkusTest
@QuarkusTestResource(TestRouterResource.class)
class ConnackTest extends LinkedGatewayTest {

    private ReceivedPacket connackFor(byte[] connect) throws IOException {
        try (RawMqttClient client = RawMqttClient.open(port)) {
            client.send(connect);
            ReceivedPacket connack = client.read();
            assertThat(connack.type()).isEqualTo(ReceivedPacket.CONNACK);
            assertThat(client.closedWithin(Duration.ofSeconds(5))).isTrue();
            return connack;
        }
    }

    @Test
    void unsupportedProtocolVersionGetsReturnCode1() throws IOException {
        ReceivedPacket connack = connackFor(MqttPackets.connect(6, "future", 0, true));
        assertThat(connack.u8(1)).isEqualTo(0x01);
    }

    @Test
    void tooLongClientIdGetsIdentifierRejectedIn311() throws IOException {
        String id = "x".repeat(TestRouterResource.MAX_CLIENT_ID_LENGTH + 1);
        assertThat(connackFor(MqttPackets.connect(V311, id, 0, true)).u8(1)).isEqualTo(0x02);
    }

    @Test
    void tooLongClientIdGetsClientIdentifierNotValidIn5() throws IOException {
        String id = "x".repeat(TestRouterResource.MAX_CLIENT_ID_LENGTH + 1);
        assertThat(connackFor(MqttPackets.connect(V5, id, 0, true)).u8(1)).isEqualTo(0x85);
    }

    @Test
    void emptyClientIdWithoutCleanSessionIsRejectedIn311() throws IOException {
        assertThat(connackFor(MqttPackets.connect(V311, "", 0, false)).u8(1)).isEqualTo(0x02);
    }

    @Test
    void emptyClientIdWithoutCleanStartIsRejectedIn5() throws IOException {
        assertThat(connackFor(MqttPackets.connect(V5, "", 0, false)).u8(1)).isEqualTo(0x85);
    }

    @Test
    void routerSilencePastOpenTimeoutGetsServerUnavailableIn311() throws IOException {
        assertThat(connackFor(MqttPackets.connect(V311, "silent-311", 0, true)).u8(1)).isEqualTo(0x03);
    }

    @Test
    void routerSilencePastOpenTimeoutGetsServerUnavailableIn5() throws IOException {
        assertThat(connackFor(MqttPackets.connect(V5, "silent-5", 0, true)).u8(1)).isEqualTo(0x88);
    }

    @Test
    void refusedConnectStillSendsSessionCloseOnceItWasOpened() throws IOException {
        connackFor(MqttPackets.connect(V5, "silent-close", 0, true));
        long connectionId = router.connectionIdOf("silent-close");
        await().atMost(Duration.ofSeconds(10)).until(() -> router.sessionCloses(connectionId) == 1);
    }

    @Test
    void emptyClientIdWithCleanStartGetsAnAssignedIdentifierAndMaximumQos2() {
        Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5()
                .serverHost("127.0.0.1").serverPort(port).buildBlocking();
        Mqtt5ConnAck connAck = client.connect();
        try {
            assertThat(connAck.getAssignedClientIdentifier()).isPresent();
            String assigned = connAck.getAssignedClientIdentifier().orElseThrow().toString();
            assertThat(router.connectionIdOf(assigned)).isPositive();
            assertThat(connAck.getRestrictions().getMaximumQos()).isEqualTo(MqttQos.EXACTLY_ONCE);
        } finally {
            client.disconnect();
        }
    }

    @Test
    void sessionPresentComesFromTheRouter() throws MqttException {
        var client = new org.eclipse.paho.client.mqttv3.MqttClient("tcp://127.0.0.1:" + port, "present-paho",
                new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(false);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        try {
            assertThat(client.connectWithResult(options).getSessionPresent()).isTrue();
        } finally {
            client.disconnect();
            client.close();
        }
    }
}
