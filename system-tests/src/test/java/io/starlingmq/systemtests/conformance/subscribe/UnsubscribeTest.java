package io.starlingmq.systemtests.conformance.subscribe;

import io.starlingmq.systemtests.conformance.ConformanceTest;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.PropertyBytes;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** 3.10 UNSUBSCRIBE and 3.11 UNSUBACK (MQTT 5.0). */
class UnsubscribeTest extends ConformanceTest {

    @Test
    @DisplayName("[MQTT-3.10.1-1] [MQTT-2.1.3-1] an UNSUBSCRIBE whose fixed header flags are not 0010 is malformed: DISCONNECT 0x81")
    void unsubscribeWithWrongFlagsIsMalformed() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("flags"));
        byte[] unsubscribe = MqttPackets.unsubscribe(V5, 1, topic("t"));
        unsubscribe[0] = (byte) 0xA0;
        client.send(unsubscribe);
        assertDisconnectedWith(client, 0x81);
    }

    @Test
    @DisplayName("[MQTT-3.10.3-2] an UNSUBSCRIBE without any topic filter is a protocol error: DISCONNECT 0x82")
    void unsubscribeWithoutFiltersIsAProtocolError() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("empty"));
        client.send(MqttPackets.unsubscribe(V5, 1));
        assertDisconnectedWith(client, 0x82);
    }

    @Test
    @DisplayName("[MQTT-2.2.1-3] an UNSUBSCRIBE with Packet Identifier 0 is refused: DISCONNECT 0x81 or 0x82")
    void packetIdentifierZeroIsRefused() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("id0"));
        client.send(MqttPackets.unsubscribe(V5, 0, topic("t")));
        assertDisconnectedWithOneOf(client, 0x81, 0x82);
    }

    @Test
    @DisplayName("[MQTT-3.10.4-4] [MQTT-3.10.4-5] [MQTT-3.10.4-6] [MQTT-3.11.3-1] [MQTT-3.11.3-2] one UNSUBACK with the Packet Identifier: 0x00 for a subscription, 0x11 for none, 0x8F for an ill-formed filter, in order")
    void unsubackAnswersEachFilterInOrder() throws Exception {
        String subscribed = topic("subscribed");
        RawMqttClient client = rawConnected(V5, clientId("unsub"));
        client.send(MqttPackets.subscribe(V5, 1, 1, subscribed));
        client.readUntil(ReceivedPacket.SUBACK);
        client.send(MqttPackets.unsubscribe(V5, 700, topic("never"), subscribed, "conformance/#/bad"));
        ReceivedPacket unsuback = client.readUntil(ReceivedPacket.UNSUBACK);
        assertThat(unsuback.packetId()).isEqualTo(700);
        assertThat(unsuback.filterReasonCodes()).containsExactly(0x11, 0x00, 0x8F);
    }

    @Test
    @DisplayName("[MQTT-3.10.4-1] [MQTT-3.10.4-2] after UNSUBACK no new message of the filter is delivered")
    void unsubscribingStopsDelivery() throws Exception {
        String topic = topic("stop");
        String other = topic("other");
        RawMqttClient client = rawConnected(V5, clientId("stop"));
        client.send(MqttPackets.subscribe(V5, 1, 1, topic, other));
        client.readUntil(ReceivedPacket.SUBACK);
        client.send(MqttPackets.unsubscribe(V5, 2, topic));
        assertThat(client.readUntil(ReceivedPacket.UNSUBACK).filterReasonCodes()).containsExactly(0x00);

        RawMqttClient publisher = closeLater(RawMqttClient.connected(portB(), V5, clientId("pub")));
        publisher.send(MqttPackets.publish(V5, topic, 1, 1, "unwanted".getBytes()));
        assertThat(hex(publisher.readUntil(ReceivedPacket.PUBACK).ackReasonCode())).isEqualTo("0x10");
        publisher.send(MqttPackets.publish(V5, other, 0, 0, "marker".getBytes()));
        assertThat(client.readUntil(ReceivedPacket.PUBLISH).payloadText()).isEqualTo("marker");
    }

    @Test
    @DisplayName("[MQTT-3.10.4-3] a QoS 1 delivery sent before UNSUBSCRIBE and not yet acknowledged is still completed: resent with DUP 1 when the session resumes")
    void anUnacknowledgedQosOneDeliveryOutlivesTheUnsubscribe() throws Exception {
        String id = clientId("q1");
        String topic = topic("in-flight-q1");
        RawMqttClient first = closeLater(RawMqttClient.connected(portA(), V5,
                MqttPackets.connect(V5, id, 0, true, PropertyBytes.sessionExpiry(300))));
        subscribe(first, 1, new byte[0], 1, topic, 1);
        rawConnectedTo(portB(), clientId("pub")).send(MqttPackets.publish(V5, topic, 1, 1, "in flight".getBytes()));
        ReceivedPacket delivery = first.readUntil(ReceivedPacket.PUBLISH);
        assertThat(delivery.qos()).isEqualTo(1);
        first.send(MqttPackets.unsubscribe(V5, 2, topic));
        assertThat(first.readUntil(ReceivedPacket.UNSUBACK).filterReasonCodes()).containsExactly(0x00);
        first.close();

        RawMqttClient resumed = closeLater(RawMqttClient.connected(portB(), V5,
                MqttPackets.connect(V5, id, 0, false, PropertyBytes.sessionExpiry(0))));
        assertThat(resumed.connack().sessionPresent()).as("Session Present").isTrue();
        ReceivedPacket resent = resumed.readUntil(ReceivedPacket.PUBLISH);
        assertThat(resent.payloadText()).isEqualTo("in flight");
        assertThat(resent.dup()).as("DUP of the resent PUBLISH").isTrue();
        assertThat(resent.publishPacketId()).isEqualTo(delivery.publishPacketId());
        resumed.send(MqttPackets.puback(resent.publishPacketId()));
        assertThat(resumed.pingAnswered()).as("the next packet is PINGRESP: the delivery is complete").isTrue();
    }

    @Test
    @DisplayName("[MQTT-3.10.4-3] a QoS 2 delivery sent before UNSUBSCRIBE is still completed: the PUBREC after UNSUBACK is answered PUBREL 0x00, then PUBCOMP ends it")
    void aQosTwoDeliveryIsCompletedAfterTheUnsubscribe() throws Exception {
        String topic = topic("in-flight-q2");
        RawMqttClient subscriber = rawConnected(V5, clientId("sub"));
        subscribe(subscriber, 1, new byte[0], 2, topic, 2);
        RawMqttClient publisher = rawConnectedTo(portB(), clientId("pub"));
        publisher.send(MqttPackets.publish(V5, topic, 2, 1, "in flight".getBytes()));
        releaseQosTwo(publisher, 1);
        ReceivedPacket delivery = subscriber.readUntil(ReceivedPacket.PUBLISH);
        assertThat(delivery.qos()).isEqualTo(2);
        subscriber.send(MqttPackets.unsubscribe(V5, 2, topic));
        assertThat(subscriber.readUntil(ReceivedPacket.UNSUBACK).filterReasonCodes()).containsExactly(0x00);

        subscriber.send(MqttPackets.pubrec(delivery.publishPacketId()));
        ReceivedPacket pubrel = subscriber.readUntil(ReceivedPacket.PUBREL);
        assertThat(pubrel.packetId()).isEqualTo(delivery.publishPacketId());
        assertThat(hex(pubrel.ackReasonCode())).as("PUBREL reason code").isEqualTo("0x00");
        subscriber.send(MqttPackets.pubcomp(pubrel.packetId()));
        assertThat(subscriber.pingAnswered()).as("the next packet is PINGRESP: the delivery is complete").isTrue();
    }

    @Test
    @DisplayName("[MQTT-3.10.4-3] a QoS 2 delivery whose PUBREL was sent before UNSUBSCRIBE is still completed: PUBREL sent again when the session resumes")
    void aReleasedQosTwoDeliveryOutlivesTheUnsubscribe() throws Exception {
        String id = clientId("q2rel");
        String topic = topic("released-q2");
        RawMqttClient first = closeLater(RawMqttClient.connected(portA(), V5,
                MqttPackets.connect(V5, id, 0, true, PropertyBytes.sessionExpiry(300))));
        subscribe(first, 1, new byte[0], 2, topic, 2);
        RawMqttClient publisher = rawConnectedTo(portB(), clientId("pub"));
        publisher.send(MqttPackets.publish(V5, topic, 2, 1, "released".getBytes()));
        releaseQosTwo(publisher, 1);
        ReceivedPacket delivery = first.readUntil(ReceivedPacket.PUBLISH);
        first.send(MqttPackets.pubrec(delivery.publishPacketId()));
        assertThat(first.readUntil(ReceivedPacket.PUBREL).packetId()).isEqualTo(delivery.publishPacketId());
        first.send(MqttPackets.unsubscribe(V5, 2, topic));
        assertThat(first.readUntil(ReceivedPacket.UNSUBACK).filterReasonCodes()).containsExactly(0x00);
        first.close();

        RawMqttClient resumed = closeLater(RawMqttClient.connected(portB(), V5,
                MqttPackets.connect(V5, id, 0, false, PropertyBytes.sessionExpiry(0))));
        assertThat(resumed.connack().sessionPresent()).as("Session Present").isTrue();
        ReceivedPacket pubrel = resumed.read();
        assertThat(pubrel.type()).as("first packet after CONNACK: %s", pubrel).isEqualTo(ReceivedPacket.PUBREL);
        assertThat(pubrel.packetId()).isEqualTo(delivery.publishPacketId());
        resumed.send(MqttPackets.pubcomp(pubrel.packetId()));
        assertThat(resumed.pingAnswered()).as("the next packet is PINGRESP: no PUBLISH again [MQTT-4.3.3-6]").isTrue();
    }

    /** Ends the publisher's side of a QoS 2 PUBLISH (PUBREC, PUBREL, PUBCOMP). */
    private static void releaseQosTwo(RawMqttClient publisher, int packetId) throws IOException {
        assertThat(publisher.readUntil(ReceivedPacket.PUBREC).packetId()).isEqualTo(packetId);
        publisher.send(MqttPackets.pubrel(packetId));
        assertThat(publisher.readUntil(ReceivedPacket.PUBCOMP).packetId()).isEqualTo(packetId);
    }
}
