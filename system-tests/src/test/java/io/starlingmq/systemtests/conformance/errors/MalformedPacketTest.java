package io.starlingmq.systemtests.conformance.errors;

import io.starlingmq.systemtests.conformance.ConformanceTest;
import io.starlingmq.testing.mqtt.MqttPacketWriter;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 4.13 Handling errors and 2.1 the fixed header (MQTT 5.0): packets that cannot be read end the
 * connection with the right reason code and touch no other connection.
 */
class MalformedPacketTest extends ConformanceTest {

    @Test
    @DisplayName("[MQTT-4.13.1-1] [MQTT-2.1.3-1] the reserved packet type 0 is malformed: DISCONNECT 0x81, other connections untouched")
    void reservedPacketTypeIsMalformed() throws Exception {
        RawMqttClient bystander = rawConnected(V5, clientId("bystander"));
        RawMqttClient client = rawConnected(V5, clientId("type0"));
        client.send(new byte[] {0x00, 0x00});
        assertDisconnectedWith(client, 0x81);
        assertThat(bystander.pingAnswered()).isTrue();
    }

    @Test
    @DisplayName("[MQTT-1.5.5-1] §2.1.4 a Remaining Length of more than four bytes is malformed: DISCONNECT 0x81")
    void aFiveByteRemainingLengthIsMalformed() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("varint"));
        client.send(new byte[] {0x30, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01});
        assertDisconnectedWith(client, 0x81);
    }

    @Test
    @DisplayName("[MQTT-4.13.1-1] a PUBLISH whose topic length runs past its Remaining Length is malformed: DISCONNECT 0x81")
    void aFieldRunningPastTheRemainingLengthIsMalformed() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("overrun"));
        // Remaining length 4, but the topic claims 100 bytes; a well-formed PINGREQ follows.
        client.send(new byte[] {0x30, 0x04, 0x00, 0x64, 'a', 'b', (byte) 0xC0, 0x00});
        assertDisconnectedWith(client, 0x81);
    }

    @Test
    @DisplayName("[MQTT-4.13.1-1] a packet only a server sends (CONNACK) from a client is refused: DISCONNECT 0x81 or 0x82")
    void aServerOnlyPacketFromAClientIsRefused() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("connack"));
        client.send(new byte[] {0x20, 0x03, 0x00, 0x00, 0x00});
        // The spec gives no code: the packet is well formed but a protocol error from a client.
        assertDisconnectedWithOneOf(client, 0x81, 0x82);
    }

    @Test
    @DisplayName("[MQTT-4.12.0-7] §4.12 an AUTH packet after a CONNECT without Authentication Method is a protocol error: DISCONNECT 0x82")
    void authWithoutAnAuthenticationMethodIsAProtocolError() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("auth"));
        client.send(new MqttPacketWriter().u8(0x19).varInt(0).packet(0xF0));
        assertDisconnectedWith(client, 0x82);
    }

    @Test
    @DisplayName("[MQTT-4.13.1-1] after a malformed packet nothing more from that client is processed")
    void nothingAfterAMalformedPacketIsProcessed() throws Exception {
        String topic = topic("after");
        RawMqttClient subscriber = rawConnected(V5, clientId("sub"));
        subscriber.send(MqttPackets.subscribe(V5, 1, 0, topic));
        subscriber.readUntil(ReceivedPacket.SUBACK);
        RawMqttClient client = rawConnected(V5, clientId("bad"));
        byte[] garbage = {0x00, 0x00};
        byte[] publish = MqttPackets.publish(V5, topic, 0, 0, "must not arrive".getBytes());
        byte[] both = new byte[garbage.length + publish.length];
        System.arraycopy(garbage, 0, both, 0, garbage.length);
        System.arraycopy(publish, 0, both, garbage.length, publish.length);
        client.send(both);
        assertDisconnectedWith(client, 0x81);
        subscriber.send(MqttPackets.publish(V5, topic, 0, 0, "marker".getBytes()));
        assertThat(subscriber.readUntil(ReceivedPacket.PUBLISH).payloadText())
                .isEqualTo("marker");
    }
}
