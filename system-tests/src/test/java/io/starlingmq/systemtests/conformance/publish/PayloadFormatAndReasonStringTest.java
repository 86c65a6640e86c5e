package io.starlingmq.systemtests.conformance.publish;

import io.starlingmq.systemtests.conformance.ConformanceTest;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.PropertyBytes;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 3.3.2.3.2 Payload Format Indicator (PUBACK/PUBREC 0x99) and 3.1.2.11.7 Request Problem Information
 * (Reason Strings on acknowledgements) (MQTT 5.0).
 */
class PayloadFormatAndReasonStringTest extends ConformanceTest {

    private static final byte[] NOT_UTF8 = {(byte) 0xC3, 0x28};
    private static final byte[] UTF8_PAYLOAD = PropertyBytes.payloadFormatIndicator(1);

    @Test
    @DisplayName("§3.3.2.3.2 [MQTT-3.3.2-4] a QoS 1 payload announced as UTF-8 that is not gets PUBACK 0x99 with a Reason String and is not forwarded")
    void aFalseUtf8PayloadAtQos1GetsPuback0x99() throws Exception {
        String topic = topic("pfi");
        RawMqttClient subscriber = rawConnectedTo(portB(), clientId("sub"));
        subscribe(subscriber, 1, new byte[0], 1, topic, 1);
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        publisher.send(MqttPackets.publish(V5, topic, 1, 1, false, UTF8_PAYLOAD, NOT_UTF8));
        ReceivedPacket puback = publisher.readUntil(ReceivedPacket.PUBACK);
        assertThat(hex(puback.ackReasonCode())).isEqualTo(hex(0x99));
        assertThat(puback.ackProperties()).containsKey(PropertyBytes.REASON_STRING);

        publishQos1(publisher, topic, 2, false, new byte[0], "marker");
        assertThat(subscriber.readUntil(ReceivedPacket.PUBLISH).payloadText()).as("the next message").isEqualTo("marker");
    }

    @Test
    @DisplayName("§3.3.2.3.2 a QoS 2 payload announced as UTF-8 that is not gets PUBREC 0x99")
    void aFalseUtf8PayloadAtQos2GetsPubrec0x99() throws Exception {
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        publisher.send(MqttPackets.publish(V5, topic("pfi2"), 2, 1, false, UTF8_PAYLOAD, NOT_UTF8));
        assertThat(hex(publisher.readUntil(ReceivedPacket.PUBREC).ackReasonCode())).isEqualTo(hex(0x99));
    }

    @Test
    @DisplayName("§3.3.2.3.2 a QoS 0 payload announced as UTF-8 that is not is dropped, the connection stays")
    void aFalseUtf8PayloadAtQos0IsDropped() throws Exception {
        String topic = topic("pfi0");
        RawMqttClient subscriber = rawConnectedTo(portB(), clientId("sub"));
        subscribe(subscriber, 1, new byte[0], 0, topic, 0);
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        publisher.send(MqttPackets.publish(V5, topic, 0, 0, false, UTF8_PAYLOAD, NOT_UTF8));
        assertThat(publisher.pingAnswered()).as("connection still served").isTrue();
        publisher.send(MqttPackets.publish(V5, topic, 0, 0, "marker".getBytes()));
        assertThat(subscriber.readUntil(ReceivedPacket.PUBLISH).payloadText()).as("the next message").isEqualTo("marker");
    }

    @Test
    @DisplayName("[MQTT-3.1.2-29] with Request Problem Information 0 a PUBACK error carries no Reason String")
    void noReasonStringOnPubackWhenNotRequested() throws Exception {
        RawMqttClient publisher = rawConnected(V5, MqttPackets.connect(V5, clientId("quiet"), 0, true,
                PropertyBytes.requestProblemInformation(0)));
        publisher.send(MqttPackets.publish(V5, topic("pfi"), 1, 1, false, UTF8_PAYLOAD, NOT_UTF8));
        ReceivedPacket puback = publisher.readUntil(ReceivedPacket.PUBACK);
        assertThat(hex(puback.ackReasonCode())).isEqualTo(hex(0x99));
        assertThat(puback.ackProperties()).doesNotContainKey(PropertyBytes.REASON_STRING);
    }

    @Test
    @DisplayName("§3.9.2.1.1 a SUBACK with a refused entry carries a Reason String")
    void aSubackRefusalCarriesAReasonString() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("sub"));
        client.send(MqttPackets.subscribe(V5, 1, 1, "bad/#/filter"));
        ReceivedPacket suback = client.readUntil(ReceivedPacket.SUBACK);
        assertThat(suback.filterReasonCodes()).containsExactly(0x8F);
        assertThat(suback.subackProperties()).containsKey(PropertyBytes.REASON_STRING);
    }

    @Test
    @DisplayName("[MQTT-3.1.2-29] with Request Problem Information 0 a SUBACK refusal carries no Reason String")
    void noReasonStringOnSubackWhenNotRequested() throws Exception {
        RawMqttClient client = rawConnected(V5, MqttPackets.connect(V5, clientId("quiet"), 0, true,
                PropertyBytes.requestProblemInformation(0)));
        client.send(MqttPackets.subscribe(V5, 1, 1, "bad/#/filter"));
        ReceivedPacket suback = client.readUntil(ReceivedPacket.SUBACK);
        assertThat(suback.filterReasonCodes()).containsExactly(0x8F);
        assertThat(suback.subackProperties()).doesNotContainKey(PropertyBytes.REASON_STRING);
    }

    @Test
    @DisplayName("§3.14.2.2.3 [MQTT-3.1.2-29] a DISCONNECT for bad input carries a Reason String, also with Request Problem Information 0")
    void aDisconnectCarriesAReasonString() throws Exception {
        RawMqttClient client = rawConnected(V5, MqttPackets.connect(V5, clientId("bad"), 0, true,
                PropertyBytes.requestProblemInformation(0)));
        client.send(MqttPackets.publish(V5, topic("t"), 0, 0, false, PropertyBytes.topicAlias(0),
                "x".getBytes()));
        ReceivedPacket disconnect = client.readUntilClosed().getLast();
        assertThat(hex(disconnect.disconnectReasonCode())).isEqualTo(hex(0x94));
        assertThat(disconnect.disconnectProperties()).containsKey(PropertyBytes.REASON_STRING);
    }
}
