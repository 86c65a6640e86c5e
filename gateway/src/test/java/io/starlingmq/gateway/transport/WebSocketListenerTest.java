package io.starlingmq.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.starlingmq.gateway.support.LinkedGatewayTest;
import io.starlingmq.gateway.support.TestRouterResource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** MQTT over WebSocket and WebSocket over TLS, and upgrades the broker must refuse. */
@QuarkusTest
@QuarkusTestResource(TestRouterResource.class)
@QuarkusTestResource(value = TransportTestResource.class, restrictToAnnotatedClass = true)
class WebSocketListenerTest extends LinkedGatewayTest {

    @ConfigProperty(name = "starling.gateway.ws.port")
    int wsPort;

    @ConfigProperty(name = "starling.gateway.wss.port")
    int wssPort;

    TestCertificates certificates;

    @Test
    void hiveMqClientExchangesMessagesOverWebSocket() throws Exception {
        Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier("ws-hive")
                .serverHost("127.0.0.1").serverPort(wsPort)
                .webSocketConfig().serverPath("mqtt").subprotocol("mqtt").applyWebSocketConfig()
                .buildBlocking();
        MessageExchange.exchange(client, "ws-hive", router);
    }

    @Test
    void hiveMqClientExchangesMessagesOverWebSocketOverTls() throws Exception {
        Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier("wss-hive")
                .serverHost("127.0.0.1").serverPort(wssPort)
                .sslConfig().trustManagerFactory(certificates.trustManagerFactory()).applySslConfig()
                .webSocketConfig().serverPath("mqtt").subprotocol("mqtt").applyWebSocketConfig()
                .buildBlocking();
        MessageExchange.exchange(client, "wss-hive", router);
    }

    @Test
    void anUpgradeOfferingAnotherSubprotocolIsRefused() throws IOException {
        assertThat(upgradeStatusLine("/mqtt", "mqttv3.1")).startsWith("HTTP/1.1 400");
    }

    @Test
    void anUpgradeToAnotherPathIsRefused() throws IOException {
        assertThat(upgradeStatusLine("/ws", "mqtt")).startsWith("HTTP/1.1 404");
    }

    @Test
    void aCorrectUpgradeIsAcceptedWithTheMqttSubprotocol() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", wsPort)) {
            socket.setSoTimeout((int) MessageExchange.WAIT.toMillis());
            writeUpgrade(socket.getOutputStream(), "/mqtt", "mqtt");
            BufferedReader reader = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(reader.readLine()).startsWith("HTTP/1.1 101");
            String header;
            boolean mqttSelected = false;
            while (!(header = reader.readLine()).isEmpty()) {
                mqttSelected |= header.equalsIgnoreCase("sec-websocket-protocol: mqtt");
            }
            assertThat(mqttSelected).isTrue();
        }
    }

    private String upgradeStatusLine(String path, String subprotocol) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", wsPort)) {
            socket.setSoTimeout((int) MessageExchange.WAIT.toMillis());
            writeUpgrade(socket.getOutputStream(), path, subprotocol);
            BufferedReader reader = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String status = reader.readLine();
            // The refusal closes the connection: reading runs to the end of the stream.
            while (reader.readLine() != null) {
                // drain the rest of the response
            }
            return status;
        }
    }

    private static void writeUpgrade(OutputStream out, String path, String subprotocol) throws IOException {
        String request = "GET " + path + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Protocol: " + subprotocol + "\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
