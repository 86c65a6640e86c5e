package io.starlingmq.systemtests.conformance.connect;

import io.starlingmq.systemtests.conformance.ConformanceSuite;
import io.starlingmq.systemtests.conformance.ConformanceTest;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.PropertyBytes;
import io.starlingmq.testing.mqtt.RawMqttClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 3.2.2.3.14 Server Keep Alive and 3.2.2.3.15 Response Information (MQTT 5.0), on gateway c, which is
 * configured with a longest Keep Alive and a Response Information template (see {@link ConformanceSuite}).
 */
class ServerSettingsTest extends ConformanceTest {

    private static final long SERVER_KEEP_ALIVE = ConformanceSuite.SERVER_KEEP_ALIVE_C;

    @Test
    @DisplayName("[MQTT-3.1.2-21] §3.2.2.3.14 a client asking a longer Keep Alive than the broker allows is told the Server Keep Alive in CONNACK")
    void aLongKeepAliveIsReplacedByTheServerKeepAlive() throws Exception {
        RawMqttClient client = connectToC(MqttPackets.connect(V5, clientId("long"), 600));
        assertThat(client.connack().connackProperties().get(PropertyBytes.SERVER_KEEP_ALIVE)).isEqualTo(SERVER_KEEP_ALIVE);
    }

    @Test
    @DisplayName("[MQTT-3.1.2-21] §3.2.2.3.14 a client asking no Keep Alive (0) is told the Server Keep Alive in CONNACK")
    void noKeepAliveIsReplacedByTheServerKeepAlive() throws Exception {
        RawMqttClient client = connectToC(MqttPackets.connect(V5, clientId("none"), 0));
        assertThat(client.connack().connackProperties().get(PropertyBytes.SERVER_KEEP_ALIVE)).isEqualTo(SERVER_KEEP_ALIVE);
    }

    @Test
    @DisplayName("§3.2.2.3.14 a client asking a Keep Alive within the broker's bound keeps it: no Server Keep Alive in CONNACK")
    void aShortKeepAliveIsKept() throws Exception {
        RawMqttClient client = connectToC(MqttPackets.connect(V5, clientId("short"), 1));
        assertThat(client.connack().connackProperties()).doesNotContainKey(PropertyBytes.SERVER_KEEP_ALIVE);
    }

    @Test
    @DisplayName("[MQTT-3.1.2-21] [MQTT-3.1.2-22] the broker enforces the Server Keep Alive it sent, not the client's: silence ends the connection with DISCONNECT 0x8D")
    void theServerKeepAliveIsEnforced() throws Exception {
        RawMqttClient client = connectToC(MqttPackets.connect(V5, clientId("silent"), 600));
        // 1.5 × 3 s is well inside the raw client's 15 s read timeout; 600 s would not be.
        assertDisconnectedWith(client, 0x8D);
    }

    @Test
    @DisplayName("§3.2.2.3.15 a client sending Request Response Information 1 gets the configured Response Information, its client id filled in")
    void requestedResponseInformationIsSent() throws Exception {
        String clientId = clientId("asks");
        RawMqttClient client = connectToC(MqttPackets.connect(V5, clientId, 0, true,
                PropertyBytes.requestResponseInformation(1)));
        assertThat(client.connack().connackProperties().get(PropertyBytes.RESPONSE_INFORMATION))
                .isEqualTo("responses/" + clientId);
    }

    @Test
    @DisplayName("[MQTT-3.1.2-28] a client sending Request Response Information 0, or none, gets no Response Information")
    void unrequestedResponseInformationIsNotSent() throws Exception {
        Map<Integer, Object> explicitZero = connectToC(MqttPackets.connect(V5, clientId("zero"), 0, true,
                PropertyBytes.requestResponseInformation(0))).connack().connackProperties();
        Map<Integer, Object> absent = connectToC(MqttPackets.connect(V5, clientId("absent"), 0)).connack()
                .connackProperties();
        assertThat(explicitZero).doesNotContainKey(PropertyBytes.RESPONSE_INFORMATION);
        assertThat(absent).doesNotContainKey(PropertyBytes.RESPONSE_INFORMATION);
    }

    private RawMqttClient connectToC(byte[] connect) throws Exception {
        return closeLater(RawMqttClient.connected(portC(), V5, connect));
    }
}
