package io.starlingmq.systemtests.conformance.publish;

import io.starlingmq.systemtests.conformance.ConformanceTest;
import io.starlingmq.testing.mqtt.MqttPacketWriter;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.PropertyBytes;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** 4.3 QoS levels and protocol flows, 3.4-3.7 acknowledgements, 4.4 redelivery, 4.6 ordering (MQTT 5.0). */
class QosFlowTest extends ConformanceTest {

    @Test
    @DisplayName("[MQTT-4.3.1-1] [MQTT-3.3.1-2] a QoS 0 message is delivered as QoS 0 with DUP 0 and no Packet Identifier")
    void qosZeroIsDeliveredAtMostOnce() throws Exception {
        String topic = topic("q0");
        RawMqttClient subscriber = subscriber(portB(), topic, 2);
        rawConnected(V5, clientId("pub")).send(MqttPackets.publish(V5, topic, 0, 0, "zero".getBytes()));
        ReceivedPacket delivery = subscriber.readUntil(ReceivedPacket.PUBLISH);
        assertThat(delivery.qos()).isZero();
        assertThat(delivery.dup()).isFalse();
        assertThat(delivery.payloadText()).isEqualTo("zero");
    }

    @Test
    @DisplayName("[MQTT-4.3.2-4] [MQTT-2.2.1-5] [MQTT-3.4.2-1] a QoS 1 PUBLISH is answered PUBACK 0x00 with its Packet Identifier")
    void qosOneIsAcknowledgedWithItsPacketIdentifier() throws Exception {
        String topic = topic("q1");
        subscriber(portB(), topic, 1);
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        publisher.send(MqttPackets.publish(V5, topic, 1, 4242, "one".getBytes()));
        ReceivedPacket puback = publisher.readUntil(ReceivedPacket.PUBACK);
        assertThat(puback.packetId()).isEqualTo(4242);
        assertThat(hex(puback.ackReasonCode())).isEqualTo("0x00");
    }

    @Test
    @DisplayName("[MQTT-3.4.2-1] §3.4.2.1 a QoS 1 PUBLISH nobody subscribes to is answered PUBACK 0x10 (No matching subscribers)")
    void qosOneWithoutSubscribersGetsNoMatchingSubscribers() throws Exception {
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        publisher.send(MqttPackets.publish(V5, topic("nobody"), 1, 7, "lonely".getBytes()));
        ReceivedPacket puback = publisher.readUntil(ReceivedPacket.PUBACK);
        assertThat(puback.packetId()).isEqualTo(7);
        assertThat(hex(puback.ackReasonCode())).isEqualTo("0x10");
    }

    @Test
    @DisplayName("[MQTT-4.3.3-8] [MQTT-4.3.3-11] [MQTT-3.5.2-1] a QoS 2 PUBLISH is answered PUBREC, its PUBREL PUBCOMP, same Packet Identifier")
    void qosTwoInboundFlow() throws Exception {
        String topic = topic("q2");
        RawMqttClient subscriber = subscriber(portB(), topic, 2);
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        publisher.send(MqttPackets.publish(V5, topic, 2, 300, "two".getBytes()));
        ReceivedPacket pubrec = publisher.readUntil(ReceivedPacket.PUBREC);
        assertThat(pubrec.packetId()).isEqualTo(300);
        assertThat(hex(pubrec.ackReasonCode())).isEqualTo("0x00");
        publisher.send(MqttPackets.pubrel(300));
        ReceivedPacket pubcomp = publisher.readUntil(ReceivedPacket.PUBCOMP);
        assertThat(pubcomp.packetId()).isEqualTo(300);
        assertThat(hex(pubcomp.ackReasonCode())).isEqualTo("0x00");
        assertThat(subscriber.readUntil(ReceivedPacket.PUBLISH).payloadText()).isEqualTo("two");
    }

    @Test
    @DisplayName("[MQTT-4.3.3-10] a QoS 2 PUBLISH repeated before PUBREL is answered PUBREC again and delivered once")
    void aRepeatedQosTwoPublishIsDeliveredOnce() throws Exception {
        String topic = topic("q2dup");
        RawMqttClient subscriber = subscriber(portB(), topic, 0);
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        byte[] publish = MqttPackets.publish(V5, topic, 2, 11, "once".getBytes());
        publisher.send(publish);
        assertThat(publisher.readUntil(ReceivedPacket.PUBREC).packetId()).isEqualTo(11);
        publish[0] |= 0x08;
        publisher.send(publish);
        assertThat(publisher.readUntil(ReceivedPacket.PUBREC).packetId()).isEqualTo(11);
        publisher.send(MqttPackets.pubrel(11));
        assertThat(publisher.readUntil(ReceivedPacket.PUBCOMP).packetId()).isEqualTo(11);
        publisher.send(MqttPackets.publish(V5, topic, 0, 0, "marker".getBytes()));
        assertThat(subscriber.readUntil(ReceivedPacket.PUBLISH).payloadText()).isEqualTo("once");
        assertThat(subscriber.readUntil(ReceivedPacket.PUBLISH).payloadText()).as("no second copy").isEqualTo("marker");
    }

    @Test
    @DisplayName("[MQTT-3.7.2-1] §3.7.2.1 a PUBREL for an unknown Packet Identifier is answered PUBCOMP 0x92")
    void aPubrelForAnUnknownIdentifierGetsPacketIdentifierNotFound() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("pubrel"));
        client.send(MqttPackets.pubrel(999));
        ReceivedPacket pubcomp = client.readUntil(ReceivedPacket.PUBCOMP);
        assertThat(pubcomp.packetId()).isEqualTo(999);
        assertThat(hex(pubcomp.ackReasonCode())).isEqualTo("0x92");
    }

    @Test
    @DisplayName("[MQTT-4.3.2-1] [MQTT-4.3.2-2] the broker sends QoS 1 with a non-zero Packet Identifier and DUP 0, and takes the PUBACK")
    void qosOneOutboundFlow() throws Exception {
        String topic = topic("out1");
        RawMqttClient subscriber = subscriber(portA(), topic, 1);
        rawConnected(V5, clientId("pub")).send(MqttPackets.publish(V5, topic, 1, 1, "out".getBytes()));
        ReceivedPacket delivery = subscriber.readUntil(ReceivedPacket.PUBLISH);
        assertThat(delivery.qos()).isEqualTo(1);
        assertThat(delivery.dup()).isFalse();
        assertThat(delivery.publishPacketId()).isNotZero();
        subscriber.send(MqttPackets.puback(delivery.publishPacketId()));
        assertThat(subscriber.pingAnswered()).isTrue();
    }

    @Test
    @DisplayName("[MQTT-4.3.3-1] [MQTT-4.3.3-2] [MQTT-4.3.3-4] the broker's QoS 2 flow: PUBLISH, PUBREC from the client, PUBREL (flags 0010) with the same id, PUBCOMP")
    void qosTwoOutboundFlow() throws Exception {
        String topic = topic("out2");
        RawMqttClient subscriber = subscriber(portA(), topic, 2);
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        publisher.send(MqttPackets.publish(V5, topic, 2, 5, "out".getBytes()));
        publisher.readUntil(ReceivedPacket.PUBREC);
        publisher.send(MqttPackets.pubrel(5));
        ReceivedPacket delivery = subscriber.readUntil(ReceivedPacket.PUBLISH);
        assertThat(delivery.qos()).isEqualTo(2);
        assertThat(delivery.dup()).isFalse();
        int id = delivery.publishPacketId();
        assertThat(id).isNotZero();
        subscriber.send(MqttPackets.pubrec(id));
        ReceivedPacket pubrel = subscriber.readUntil(ReceivedPacket.PUBREL);
        assertThat(pubrel.packetId()).isEqualTo(id);
        assertThat(pubrel.flags()).as("PUBREL fixed header flags").isEqualTo(0b0010);
        subscriber.send(MqttPackets.pubcomp(id));
        assertThat(subscriber.pingAnswered()).isTrue();
    }

    @Test
    @DisplayName("[MQTT-3.6.1-1] [MQTT-2.1.3-1] a PUBREL whose fixed header flags are not 0010 is malformed: DISCONNECT 0x81")
    void pubrelWithWrongFlagsIsMalformed() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("pubrel-flags"));
        client.send(MqttPackets.publish(V5, topic("t"), 2, 8, "x".getBytes()));
        client.readUntil(ReceivedPacket.PUBREC);
        byte[] pubrel = MqttPackets.pubrel(8);
        pubrel[0] = 0x60;
        client.send(pubrel);
        assertDisconnectedWith(client, 0x81);
    }

    @Test
    @DisplayName("[MQTT-4.3.3-9] [MQTT-4.4.0-2] a PUBACK or PUBREC with an error reason code ends the broker's delivery: no resend, no PUBREL")
    void anAckWithAnErrorCodeEndsTheDelivery() throws Exception {
        String topic = topic("refused");
        RawMqttClient subscriber = subscriber(portA(), topic, 2);
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        publisher.send(MqttPackets.publish(V5, topic, 1, 1, "refuse me".getBytes()));
        ReceivedPacket delivery = subscriber.readUntil(ReceivedPacket.PUBLISH);
        assertThat(delivery.qos()).isEqualTo(1);
        subscriber.send(new MqttPacketWriter().u16(delivery.publishPacketId())
                .u8(0x80).packet(0x40));
        publisher.send(MqttPackets.publish(V5, topic, 2, 2, "next".getBytes()));
        ReceivedPacket next = subscriber.readUntil(ReceivedPacket.PUBLISH);
        assertThat(next.payloadText()).as("the refused message is not sent again").isEqualTo("next");
        subscriber.send(new MqttPacketWriter().u16(next.publishPacketId())
                .u8(0x80).packet(0x50));
        assertThat(subscriber.pingAnswered()).as("no PUBREL after PUBREC 0x80: the next packet is PINGRESP").isTrue();
    }

    @Test
    @DisplayName("§3.6.2.1 a PUBREC for a Packet Identifier the broker never used is answered PUBREL 0x92")
    void aPubrecForAnUnknownIdentifierGetsPacketIdentifierNotFound() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("pubrec"));
        client.send(MqttPackets.pubrec(777));
        ReceivedPacket pubrel = client.readUntil(ReceivedPacket.PUBREL);
        assertThat(pubrel.packetId()).isEqualTo(777);
        assertThat(hex(pubrel.ackReasonCode())).isEqualTo("0x92");
    }

    @Test
    @DisplayName("[MQTT-4.3.2-5] [MQTT-4.3.3-12] a Packet Identifier reused after PUBACK or PUBCOMP starts a new message")
    void aPacketIdentifierIsFreeAgainAfterItsFlowEnds() throws Exception {
        String topic = topic("reuse");
        RawMqttClient subscriber = subscriber(portB(), topic, 2);
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        publisher.send(MqttPackets.publish(V5, topic, 1, 9, "first".getBytes()));
        publisher.readUntil(ReceivedPacket.PUBACK);
        publisher.send(MqttPackets.publish(V5, topic, 1, 9, "second".getBytes()));
        publisher.readUntil(ReceivedPacket.PUBACK);
        for (String payload : new String[] {"third", "fourth"}) {
            publisher.send(MqttPackets.publish(V5, topic, 2, 10, payload.getBytes()));
            publisher.readUntil(ReceivedPacket.PUBREC);
            publisher.send(MqttPackets.pubrel(10));
            publisher.readUntil(ReceivedPacket.PUBCOMP);
        }
        List<String> received = new ArrayList<>();
        while (received.size() < 4) {
            ReceivedPacket packet;
            try {
                packet = subscriber.read();
            } catch (SocketTimeoutException nothingMore) {
                throw new AssertionError("the subscriber received only " + received, nothingMore);
            }
            // Deliveries and PUBRELs may interleave: answer each as it comes.
            if (packet.type() == ReceivedPacket.PUBREL) {
                subscriber.send(MqttPackets.pubcomp(packet.packetId()));
            } else if (packet.type() == ReceivedPacket.PUBLISH) {
                received.add(packet.payloadText());
                subscriber.send(packet.qos() == 1 ? MqttPackets.puback(packet.publishPacketId())
                        : MqttPackets.pubrec(packet.publishPacketId()));
            }
        }
        assertThat(received).containsExactly("first", "second", "third", "fourth");
    }

    @Test
    @DisplayName("[MQTT-3.8.4-8] a message is delivered at the lower of its QoS and the granted QoS")
    void deliveryQosIsTheMinimumOfPublishAndSubscription() throws Exception {
        String topic = topic("min");
        RawMqttClient atMostOnce = subscriber(portA(), topic, 0);
        RawMqttClient exactlyOnce = subscriber(portB(), topic, 2);
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        publisher.send(MqttPackets.publish(V5, topic, 1, 1, "q1".getBytes()));
        assertThat(atMostOnce.readUntil(ReceivedPacket.PUBLISH).qos()).isZero();
        assertThat(exactlyOnce.readUntil(ReceivedPacket.PUBLISH).qos()).isEqualTo(1);
    }

    @Test
    @DisplayName("[MQTT-4.6.0-5] [MQTT-4.6.0-6] messages of one publisher reach a subscriber on the other gateway in order")
    void messagesArriveInTheOrderTheyWerePublished() throws Exception {
        String topic = topic("order");
        RawMqttClient subscriber = subscriber(portB(), topic, 1);
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        for (int i = 1; i <= 30; i++) {
            publisher.send(MqttPackets.publish(V5, topic, 1, i, Integer.toString(i).getBytes()));
        }
        List<String> received = new ArrayList<>();
        while (received.size() < 30) {
            ReceivedPacket delivery = subscriber.readUntil(ReceivedPacket.PUBLISH);
            received.add(delivery.payloadText());
            subscriber.send(MqttPackets.puback(delivery.publishPacketId()));
        }
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            expected.add(Integer.toString(i));
        }
        assertThat(received).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("[MQTT-4.4.0-1] [MQTT-3.3.1-1] an unacknowledged QoS 1 delivery is sent again with DUP 1 when the session resumes")
    void anUnacknowledgedDeliveryIsResentWithDupOnResume() throws Exception {
        String id = clientId("resend");
        String topic = topic("dup");
        byte[] persistent = PropertyBytes.sessionExpiry(600);
        RawMqttClient first = rawConnected(V5, MqttPackets.connect(V5, id, 0, true, persistent));
        first.send(MqttPackets.subscribe(V5, 1, 1, topic));
        first.readUntil(ReceivedPacket.SUBACK);
        rawConnected(V5, clientId("pub")).send(MqttPackets.publish(V5, topic, 1, 1, "again".getBytes()));
        ReceivedPacket original = first.readUntil(ReceivedPacket.PUBLISH);
        first.close();

        RawMqttClient resumed = closeLater(RawMqttClient.connected(portB(), V5,
                MqttPackets.connect(V5, id, 0, false, persistent)));
        assertThat(resumed.connack().sessionPresent()).isTrue();
        ReceivedPacket resent = resumed.readUntil(ReceivedPacket.PUBLISH);
        assertThat(resent.payloadText()).isEqualTo("again");
        assertThat(resent.dup()).as("DUP of the resent PUBLISH").isTrue();
        assertThat(resent.publishPacketId()).isEqualTo(original.publishPacketId());
        resumed.send(MqttPackets.puback(resent.publishPacketId()));
        assertThat(resumed.pingAnswered()).as("the next packet is PINGRESP: no further copy").isTrue();
    }

    private RawMqttClient subscriber(int port, String topic, int qos) throws IOException {
        RawMqttClient client = closeLater(RawMqttClient.connected(port, V5, clientId("sub")));
        client.send(MqttPackets.subscribe(V5, 1, qos, topic));
        assertThat(client.readUntil(ReceivedPacket.SUBACK).filterReasonCodes()).containsExactly(qos);
        return client;
    }
}
