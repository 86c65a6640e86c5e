package io.starlingmq.systemtests.conformance.websocket;

import io.starlingmq.systemtests.conformance.ConformanceTest;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import io.starlingmq.systemtests.harness.WebSocketMqttClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 6 Using WebSocket as a network transport (MQTT 5.0), on gateway a's ws listener (path /mqtt). */
class WebSocketTransportTest extends ConformanceTest {

    private static int wsPort() {
        return suite().ports("a").ws();
    }

    @Test
    @DisplayName("[MQTT-6.0.0-4] the handshake answers with the subprotocol 'mqtt', and MQTT flows over it")
    void theHandshakeSelectsTheMqttSubprotocol() throws Exception {
        try (WebSocketMqttClient client = WebSocketMqttClient.open(wsPort(), "mqtt")) {
            assertThat(client.subprotocol()).isEqualTo("mqtt");
            client.sendBinary(MqttPackets.connect(V5, clientId("ws"), 0));
            ReceivedPacket connack = client.read();
            assertThat(connack.type()).isEqualTo(ReceivedPacket.CONNACK);
            assertThat(connack.connackCode()).isZero();
        }
    }

    @Test
    @DisplayName("[MQTT-6.0.0-2] packets split across WebSocket messages, and several in one message, are all read")
    void packetsNeedNotAlignWithMessages() throws Exception {
        String topic = topic("ws");
        try (WebSocketMqttClient client = WebSocketMqttClient.open(wsPort(), "mqtt")) {
            byte[] connect = MqttPackets.connect(V5, clientId("split"), 0);
            client.sendBinary(Arrays.copyOfRange(connect, 0, 3));
            client.sendBinary(Arrays.copyOfRange(connect, 3, connect.length));
            assertThat(client.read().connackCode()).isZero();

            ByteArrayOutputStream both = new ByteArrayOutputStream();
            both.writeBytes(MqttPackets.subscribe(V5, 1, 0, topic));
            both.writeBytes(MqttPackets.publish(V5, topic, 0, 0, "echo".getBytes()));
            client.sendBinary(both.toByteArray());
            assertThat(client.read().type()).isEqualTo(ReceivedPacket.SUBACK);
            ReceivedPacket echo = client.read();
            assertThat(echo.type()).isEqualTo(ReceivedPacket.PUBLISH);
            assertThat(echo.payloadText()).isEqualTo("echo");
        }
    }

    @Test
    @DisplayName("[MQTT-6.0.0-1] a text WebSocket message closes the connection")
    void aTextMessageClosesTheConnection() throws Exception {
        try (WebSocketMqttClient client = WebSocketMqttClient.open(wsPort(), "mqtt")) {
            client.sendBinary(MqttPackets.connect(V5, clientId("text"), 0));
            assertThat(client.read().connackCode()).isZero();
            client.sendText("not MQTT");
            assertThat(client.closedByBroker()).isTrue();
        }
    }

    @Test
    @DisplayName("[MQTT-6.0.0-3] [MQTT-6.0.0-4] an upgrade that does not offer the 'mqtt' subprotocol is refused")
    void anUpgradeWithoutTheMqttSubprotocolIsRefused() {
        assertThatThrownBy(() -> WebSocketMqttClient.open(wsPort(), "chat").close())
                .isInstanceOf(IOException.class);
    }
}
