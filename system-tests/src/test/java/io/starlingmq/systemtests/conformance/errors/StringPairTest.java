package io.starlingmq.systemtests.conformance.errors;

import io.starlingmq.systemtests.conformance.ConformanceTest;
import io.starlingmq.testing.mqtt.MqttPacketWriter;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 1.5.7 UTF-8 String Pair (MQTT 5.0): the name and the value of a User Property are both UTF-8 encoded
 * strings, so either one being ill-formed, a surrogate or U+0000 makes the whole packet malformed.
 */
class StringPairTest extends ConformanceTest {

    private static final int USER_PROPERTY = 0x26;
    private static final byte[] WELL_FORMED = "unit".getBytes(StandardCharsets.UTF_8);
    /** 0xC3 opens a two-byte sequence that 0x28 ('(') does not continue. */
    private static final byte[] ILL_FORMED = {'u', (byte) 0xC3, 0x28};
    /** U+D800 encoded as if it were a character: a surrogate, which UTF-8 excludes. */
    private static final byte[] SURROGATE = {'u', (byte) 0xED, (byte) 0xA0, (byte) 0x80};
    private static final byte[] NULL_CHARACTER = {'u', 0x00, 'v'};
    private static final byte[] PAYLOAD = "p".getBytes(StandardCharsets.UTF_8);

    @Test
    @DisplayName("[MQTT-1.5.7-1] a well-formed User Property on a PUBLISH is accepted and the message delivered")
    void aWellFormedStringPairIsAccepted() throws Exception {
        String topic = topic("well-formed");
        RawMqttClient subscriber = rawConnectedTo(portB(), clientId("sub"));
        subscribe(subscriber, 1, new byte[0], 0, topic, 0);
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        publisher.send(MqttPackets.publish(V5, topic, 1, 1, false, userProperty(WELL_FORMED, "metres"), PAYLOAD));
        assertThat(hex(publisher.readUntil(ReceivedPacket.PUBACK).ackReasonCode())).isEqualTo("0x00");
        assertThat(subscriber.readUntil(ReceivedPacket.PUBLISH).payloadText()).isEqualTo("p");
    }

    @Test
    @DisplayName("[MQTT-1.5.7-1] [MQTT-1.5.4-1] a User Property name that is not well-formed UTF-8 makes the PUBLISH malformed: DISCONNECT 0x81, nothing delivered")
    void anIllFormedNameIsMalformed() throws Exception {
        assertPublishRefusedAndNotDelivered(userProperty(ILL_FORMED, "metres"));
    }

    @Test
    @DisplayName("[MQTT-1.5.7-1] [MQTT-1.5.4-1] a User Property value that is not well-formed UTF-8 makes the PUBLISH malformed: DISCONNECT 0x81, nothing delivered")
    void anIllFormedValueIsMalformed() throws Exception {
        assertPublishRefusedAndNotDelivered(userProperty(WELL_FORMED, ILL_FORMED));
    }

    @Test
    @DisplayName("[MQTT-1.5.7-1] [MQTT-1.5.4-1] a User Property name holding a UTF-16 surrogate (U+D800) makes the PUBLISH malformed: DISCONNECT 0x81")
    void aSurrogateInTheNameIsMalformed() throws Exception {
        assertPublishRefusedAndNotDelivered(userProperty(SURROGATE, "metres"));
    }

    @Test
    @DisplayName("[MQTT-1.5.7-1] [MQTT-1.5.4-2] a User Property value containing U+0000 makes the PUBLISH malformed: DISCONNECT 0x81")
    void aNullCharacterInTheValueIsMalformed() throws Exception {
        assertPublishRefusedAndNotDelivered(userProperty(WELL_FORMED, NULL_CHARACTER));
    }

    @Test
    @DisplayName("[MQTT-1.5.7-1] a SUBSCRIBE whose User Property value is not well-formed UTF-8 is malformed: DISCONNECT 0x81, no SUBACK")
    void anIllFormedPairOnSubscribeIsMalformed() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("subscribe"));
        client.send(MqttPackets.subscribe(V5, 1, userProperty(WELL_FORMED, ILL_FORMED), 1, topic("t")));
        assertDisconnectedWith(client, 0x81);
    }

    @Test
    @DisplayName("[MQTT-1.5.7-1] a CONNECT whose User Property name is not well-formed UTF-8 is malformed: CONNACK 0x81 or closed without CONNACK")
    void anIllFormedPairOnConnectIsMalformed() throws Exception {
        assertConnectRefusedAsMalformed(userProperty(ILL_FORMED, "metres"));
    }

    @Test
    @DisplayName("[MQTT-1.5.7-1] [MQTT-1.5.4-2] a CONNECT whose User Property value contains U+0000 is malformed: CONNACK 0x81 or closed without CONNACK")
    void aNullCharacterInAConnectPairIsMalformed() throws Exception {
        assertConnectRefusedAsMalformed(userProperty(WELL_FORMED, NULL_CHARACTER));
    }

    /** The PUBLISH (QoS 1) ends the connection with 0x81, gets no PUBACK, and its message reaches nobody. */
    private void assertPublishRefusedAndNotDelivered(byte[] properties) throws Exception {
        String topic = topic("pair");
        RawMqttClient subscriber = rawConnectedTo(portB(), clientId("sub"));
        subscribe(subscriber, 1, new byte[0], 0, topic, 0);
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        publisher.send(MqttPackets.publish(V5, topic, 1, 1, false, properties, "malformed".getBytes()));
        assertDisconnectedWith(publisher, 0x81);

        RawMqttClient marker = rawConnected(V5, clientId("marker"));
        marker.send(MqttPackets.publish(V5, topic, 0, 0, "marker".getBytes()));
        assertThat(subscriber.readUntil(ReceivedPacket.PUBLISH).payloadText()).as("the first message delivered")
                .isEqualTo("marker");
    }

    /** 4.13.1: the server may answer a malformed CONNECT with CONNACK 0x81 before closing, or just close. */
    private void assertConnectRefusedAsMalformed(byte[] properties) throws Exception {
        RawMqttClient client = raw(V5);
        client.send(MqttPackets.connect(V5, clientId("connect"), 0, true, properties));
        List<ReceivedPacket> packets = client.readUntilClosed();
        assertThat(packets).as("at most one CONNACK before the close").hasSizeLessThanOrEqualTo(1);
        for (ReceivedPacket packet : packets) {
            assertThat(packet.type()).as("%s", packet).isEqualTo(ReceivedPacket.CONNACK);
            assertThat(hex(packet.connackCode())).as("CONNACK code").isEqualTo("0x81");
        }
    }

    private static byte[] userProperty(byte[] name, String value) {
        return userProperty(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] userProperty(byte[] name, byte[] value) {
        return new MqttPacketWriter().u8(USER_PROPERTY).binary(name).binary(value).toBytes();
    }
}
