package io.starlingmq.systemtests.conformance.disconnect;

import io.starlingmq.systemtests.conformance.ConformanceTest;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.PropertyBytes;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** 3.14 DISCONNECT (MQTT 5.0): the client's DISCONNECT and the broker's. */
class DisconnectTest extends ConformanceTest {

    private static final byte[] NONE = new byte[0];

    @Test
    @DisplayName("[MQTT-3.14.4-1] [MQTT-3.14.4-2] after the client's DISCONNECT the broker closes the connection without sending anything")
    void aClientDisconnectClosesTheConnection() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("bye"));
        client.send(MqttPackets.disconnect());
        assertClosedWithoutReply(client);
    }

    @Test
    @DisplayName("[MQTT-3.14.1-1] [MQTT-2.1.3-1] a DISCONNECT with reserved flags set is malformed: DISCONNECT 0x81")
    void disconnectWithFlagsIsMalformed() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("flags"));
        client.send(new byte[] {(byte) 0xE1, 0x00});
        assertDisconnectedWith(client, 0x81);
    }

    @Test
    @DisplayName("§3.14.2.2.2 a DISCONNECT setting a Session Expiry Interval after CONNECT had 0 is a protocol error: DISCONNECT 0x82")
    void extendingAZeroSessionExpiryOnDisconnectIsAProtocolError() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("expiry"));
        client.send(MqttPackets.disconnect(0x00, PropertyBytes.sessionExpiry(60)));
        assertDisconnectedWith(client, 0x82);
    }

    @Test
    @DisplayName("§3.14.2.2.2 a DISCONNECT may change a non-zero Session Expiry Interval: the session outlives the connection")
    void disconnectMayChangeANonZeroSessionExpiry() throws Exception {
        String id = clientId("longer");
        RawMqttClient client = rawConnected(V5, MqttPackets.connect(V5, id, 0, true,
                PropertyBytes.sessionExpiry(1)));
        client.send(MqttPackets.disconnect(0x00, PropertyBytes.sessionExpiry(600)));
        assertClosedWithoutReply(client);
        RawMqttClient resumed = rawConnected(V5, MqttPackets.connect(V5, id, 0, false,
                PropertyBytes.sessionExpiry(600)));
        assertThat(resumed.connack().sessionPresent()).isTrue();
    }

    @Test
    @DisplayName("§2.2.2.2 a DISCONNECT with a property it may not carry (Topic Alias) is malformed: DISCONNECT 0x81")
    void disconnectWithAForeignPropertyIsMalformed() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("prop"));
        client.send(MqttPackets.disconnect(0x00, PropertyBytes.topicAlias(1)));
        assertDisconnectedWith(client, 0x81);
    }

    @Test
    @DisplayName("[MQTT-3.14.2-1] [MQTT-3.14.2-2] the broker's DISCONNECT (0x8E on takeover) carries a DISCONNECT reason code and no Session Expiry Interval")
    void theBrokersDisconnectHasNoSessionExpiry() throws Exception {
        String id = clientId("taken");
        RawMqttClient first = rawConnected(V5, MqttPackets.connect(V5, id, 0, true,
                PropertyBytes.sessionExpiry(60)));
        closeLater(RawMqttClient.connected(portB(), V5, MqttPackets.connect(V5, id, 0, false,
                PropertyBytes.sessionExpiry(60))));
        List<ReceivedPacket> packets = first.readUntilClosed();
        ReceivedPacket disconnect = packets.getLast();
        assertThat(disconnect.type()).isEqualTo(ReceivedPacket.DISCONNECT);
        assertThat(hex(disconnect.disconnectReasonCode())).isEqualTo("0x8E");
        assertThat(disconnect.disconnectProperties()).doesNotContainKey(PropertyBytes.SESSION_EXPIRY_INTERVAL);
    }

    @Test
    @DisplayName("[MQTT-4.13.2-1] a gateway shutting down tells its 5.0 clients: DISCONNECT 0x8B, then closes")
    void aGatewayShuttingDownSendsServerShuttingDown() throws Exception {
        String name = "shutdown-" + clientId("gw");
        var gateway = suite().startGateway(name);
        RawMqttClient client = closeLater(RawMqttClient.connected(suite().mqttPort(name), V5, clientId("drained")));
        Thread stopper = Thread.ofVirtual().start(gateway::close);
        assertDisconnectedWith(client, 0x8B);
        stopper.join();
    }

    @Test
    @DisplayName("§3.14.2.1 a client DISCONNECT with an error reason code (0x80) ends the connection and publishes the will")
    void aClientDisconnectWithAnErrorCodePublishesTheWill() throws Exception {
        String willTopic = topic("will");
        RawMqttClient watcher = rawConnected(V5, clientId("watch"));
        watcher.send(MqttPackets.subscribe(V5, 1, 0, willTopic));
        watcher.readUntil(ReceivedPacket.SUBACK);
        RawMqttClient client = rawConnected(V5, MqttPackets.connectWithWill(V5, clientId("error"), NONE, willTopic,
                "after error", 0, false, NONE));
        client.send(MqttPackets.disconnect(0x80, NONE));
        assertClosedWithoutReply(client);
        assertThat(watcher.readUntil(ReceivedPacket.PUBLISH).payloadText()).isEqualTo("after error");
    }
}
