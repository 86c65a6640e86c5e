package io.starlingmq.systemtests.conformance.v311;

import io.starlingmq.systemtests.conformance.ConformanceTest;
import io.starlingmq.testing.mqtt.MqttPacketWriter;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MQTT 3.1.1 where it differs from 5.0: return codes instead of reason codes, and a closed connection
 * wherever 5.0 would send DISCONNECT (3.1.1 has no server DISCONNECT). Ids are those of the 3.1.1 document.
 */
class Mqtt311ConformanceTest extends ConformanceTest {

    @Test
    @DisplayName("3.1.1 [MQTT-3.1.2-2] an unsupported protocol level gets CONNACK return code 0x01, then the connection is closed")
    void anUnsupportedLevelGetsReturnCodeOne() throws Exception {
        RawMqttClient client = raw(V311);
        client.send(new MqttPacketWriter().string("MQTT").u8(9).u8(0x02).u16(0).string(clientId("level")).packet(0x10));
        assertRefusedWith(client, 0x01);
    }

    @Test
    @DisplayName("3.1.1 [MQTT-3.1.0-1] a packet other than CONNECT first closes the connection without reply")
    void aPacketBeforeConnectClosesTheConnection() throws Exception {
        RawMqttClient client = raw(V311);
        client.send(MqttPackets.subscribe(V311, 1, 0, topic("t")));
        assertClosedWithoutReply(client);
    }

    @Test
    @DisplayName("3.1.1 [MQTT-4.3.3-2] [MQTT-2.3.1-6] QoS 2 inbound: PUBREC, then PUBCOMP for the PUBREL, same Packet Identifier, two-byte acks")
    void qosTwoInboundFlow() throws Exception {
        RawMqttClient client = rawConnected(V311, clientId("q2"));
        client.send(MqttPackets.publish(V311, topic("t"), 2, 12, "x".getBytes()));
        ReceivedPacket pubrec = client.readUntil(ReceivedPacket.PUBREC);
        assertThat(pubrec.packetId()).isEqualTo(12);
        assertThat(pubrec.body()).hasSize(2);
        client.send(MqttPackets.pubrel(12));
        ReceivedPacket pubcomp = client.readUntil(ReceivedPacket.PUBCOMP);
        assertThat(pubcomp.packetId()).isEqualTo(12);
        assertThat(pubcomp.body()).hasSize(2);
    }

    @Test
    @DisplayName("3.1.1 [MQTT-3.1.3-8] an empty client id with CleanSession 0 gets CONNACK 0x02, then the connection is closed")
    void anEmptyClientIdWithoutCleanSessionIsRejected() throws Exception {
        RawMqttClient client = raw(V311);
        client.send(MqttPackets.connect(V311, "", 0, false, new byte[0]));
        assertRefusedWith(client, 0x02);
    }

    @Test
    @DisplayName("3.1.1 [MQTT-3.1.3-6] an empty client id with CleanSession 1 is accepted")
    void anEmptyClientIdWithCleanSessionIsAccepted() throws Exception {
        RawMqttClient client = rawConnected(V311, MqttPackets.connect(V311, "", 0));
        assertThat(client.pingAnswered()).isTrue();
    }

    @Test
    @DisplayName("3.1.1 [MQTT-3.1.2-3] a CONNECT with the reserved flag set is closed without CONNACK")
    void theReservedFlagClosesTheConnection() throws Exception {
        RawMqttClient client = raw(V311);
        client.send(MqttPackets.connectWriter(V311, 0x03, 0, new byte[0]).string(clientId("reserved")).packet(0x10));
        assertClosedWithoutReply(client);
    }

    @Test
    @DisplayName("3.1.1 [MQTT-3.1.2-22] a password without a user name is closed without success")
    void aPasswordWithoutUserNameIsRefused() throws Exception {
        RawMqttClient client = raw(V311);
        client.send(MqttPackets.connectWriter(V311, 0x02 | 0x40, 0, new byte[0]).string(clientId("pw"))
                .string("secret").packet(0x10));
        var packets = client.readUntilClosed();
        assertThat(packets).allSatisfy(packet -> assertThat(packet.connackCode()).as("CONNACK return code").isNotZero());
    }

    @Test
    @DisplayName("3.1.1 [MQTT-3.1.2-11] [MQTT-3.1.2-14] Will QoS 3 is closed without success")
    void willQosThreeIsRefused() throws Exception {
        RawMqttClient client = raw(V311);
        client.send(MqttPackets.connectWriter(V311, 0x02 | 0x04 | 0x18, 0, new byte[0]).string(clientId("will3"))
                .string(topic("will")).string("bye").packet(0x10));
        var packets = client.readUntilClosed();
        assertThat(packets).allSatisfy(packet -> assertThat(packet.connackCode()).as("CONNACK return code").isNotZero());
    }

    @Test
    @DisplayName("3.1.1 [MQTT-3.1.0-2] a second CONNECT closes the connection without reply")
    void aSecondConnectClosesTheConnection() throws Exception {
        String id = clientId("twice");
        RawMqttClient client = rawConnected(V311, id);
        client.send(MqttPackets.connect(V311, id, 0));
        assertClosedWithoutReply(client);
    }

    @Test
    @DisplayName("3.1.1 [MQTT-3.3.2-2] [MQTT-4.8.0-1] a PUBLISH to a topic with a wildcard closes the connection without reply")
    void aWildcardTopicClosesTheConnection() throws Exception {
        RawMqttClient client = rawConnected(V311, clientId("wild"));
        client.send(MqttPackets.publish(V311, "conformance/+", 0, 0, "x".getBytes()));
        assertClosedWithoutReply(client);
    }

    @Test
    @DisplayName("3.1.1 [MQTT-3.8.1-1] a SUBSCRIBE with flags other than 0010 closes the connection")
    void subscribeWithWrongFlagsClosesTheConnection() throws Exception {
        RawMqttClient client = rawConnected(V311, clientId("flags"));
        byte[] subscribe = MqttPackets.subscribe(V311, 1, 0, topic("t"));
        subscribe[0] = (byte) 0x80;
        client.send(subscribe);
        assertClosedWithoutReply(client);
    }

    @Test
    @DisplayName("3.1.1 [MQTT-3.8.3-4] a requested QoS of 3 closes the connection")
    void requestedQosThreeClosesTheConnection() throws Exception {
        RawMqttClient client = rawConnected(V311, clientId("qos3"));
        client.send(MqttPackets.subscribe(V311, 1, 3, topic("t")));
        assertClosedWithoutReply(client);
    }

    @Test
    @DisplayName("3.1.1 [MQTT-3.8.4-1] [MQTT-3.9.3-1] [MQTT-3.9.3-2] SUBACK carries the granted QoS per filter, 0x80 for an ill-formed one")
    void subackUsesFailureCode0x80() throws Exception {
        RawMqttClient client = rawConnected(V311, clientId("suback"));
        client.send(new MqttPacketWriter().u16(9).string(topic("ok")).u8(1).string("conformance/#/x").u8(1)
                .string(topic("two")).u8(2).packet(0x82));
        ReceivedPacket suback = client.readUntil(ReceivedPacket.SUBACK);
        assertThat(suback.packetId()).isEqualTo(9);
        assertThat(suback.filterReasonCodes()).containsExactly(1, 0x80, 2);
    }

    @Test
    @DisplayName("3.1.1 [MQTT-3.10.4-4] [MQTT-3.10.4-5] UNSUBACK has the Packet Identifier and no payload")
    void unsubackHasNoPayload() throws Exception {
        RawMqttClient client = rawConnected(V311, clientId("unsub"));
        client.send(MqttPackets.unsubscribe(V311, 77, topic("never")));
        ReceivedPacket unsuback = client.readUntil(ReceivedPacket.UNSUBACK);
        assertThat(unsuback.packetId()).isEqualTo(77);
        assertThat(unsuback.body()).hasSize(2);
    }

    @Test
    @DisplayName("3.1.1 [MQTT-4.3.2-2] [MQTT-2.3.1-6] a QoS 1 PUBLISH gets a two-byte PUBACK with its Packet Identifier")
    void pubackIsTwoBytes() throws Exception {
        RawMqttClient client = rawConnected(V311, clientId("puback"));
        client.send(MqttPackets.publish(V311, topic("t"), 1, 31, "x".getBytes()));
        ReceivedPacket puback = client.readUntil(ReceivedPacket.PUBACK);
        assertThat(puback.packetId()).isEqualTo(31);
        assertThat(puback.body()).hasSize(2);
    }

    @Test
    @DisplayName("3.1.1 [MQTT-3.1.2-24] silence past one and a half times the Keep Alive closes the connection without reply")
    void silencePastTheKeepAliveClosesTheConnection() throws Exception {
        RawMqttClient client = rawConnected(V311, MqttPackets.connect(V311, clientId("silent"), 1));
        assertClosedWithoutReply(client);
    }

    @Test
    @DisplayName("3.1.1 [MQTT-3.1.4-2] a second connection with the same client id on the other gateway closes the first without reply")
    void takeoverClosesTheFirstConnection() throws Exception {
        String id = clientId("taken");
        RawMqttClient first = rawConnected(V311, id);
        RawMqttClient second = closeLater(RawMqttClient.connected(portB(), V311, id));
        assertClosedWithoutReply(first);
        assertThat(second.pingAnswered()).isTrue();
    }

    @Test
    @DisplayName("3.1.1 [MQTT-3.2.2-1] [MQTT-3.2.2-2] CleanSession 0 resumes the session (Session Present 1), CleanSession 1 does not")
    void sessionPresentFollowsCleanSession() throws Exception {
        String id = clientId("present");
        try (RawMqttClient first = RawMqttClient.connected(portA(), V311, MqttPackets.connect(V311, id, 0, false, new byte[0]))) {
            assertThat(first.connack().sessionPresent()).isFalse();
            first.send(MqttPackets.subscribe(V311, 1, 1, topic("s")));
            first.readUntil(ReceivedPacket.SUBACK);
            first.send(MqttPackets.disconnect());
            first.readUntilClosed();
        }
        try (RawMqttClient resumed = RawMqttClient.connected(portB(), V311, MqttPackets.connect(V311, id, 0, false, new byte[0]))) {
            assertThat(resumed.connack().sessionPresent()).isTrue();
            resumed.send(MqttPackets.disconnect());
            resumed.readUntilClosed();
        }
        RawMqttClient clean = rawConnected(V311, MqttPackets.connect(V311, id, 0, true, new byte[0]));
        assertThat(clean.connack().sessionPresent()).isFalse();
    }

    @Test
    @DisplayName("3.1.1 [MQTT-3.14.4-3] [MQTT-3.1.2-8] DISCONNECT discards the will, a lost connection publishes it")
    void theWillFollowsHowTheConnectionEnds() throws Exception {
        String willTopic = topic("will");
        RawMqttClient watcher = rawConnected(V311, clientId("watch"));
        watcher.send(MqttPackets.subscribe(V311, 1, 0, willTopic));
        watcher.readUntil(ReceivedPacket.SUBACK);

        RawMqttClient polite = rawConnected(V311, MqttPackets.connectWithWill(V311, clientId("polite"), new byte[0],
                willTopic, "must not arrive", 0, false, new byte[0]));
        polite.send(MqttPackets.disconnect());
        assertClosedWithoutReply(polite);
        RawMqttClient lost = rawConnected(V311, MqttPackets.connectWithWill(V311, clientId("lost"), new byte[0],
                willTopic, "lost", 0, false, new byte[0]));
        lost.close();
        assertThat(watcher.readUntil(ReceivedPacket.PUBLISH).payloadText()).as("the first will published").isEqualTo("lost");
    }
}
