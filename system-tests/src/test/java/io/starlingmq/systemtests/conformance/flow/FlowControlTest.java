package io.starlingmq.systemtests.conformance.flow;

import io.starlingmq.systemtests.conformance.ConformanceTest;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.PropertyBytes;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** 4.9 Flow control and 3.3.4 Receive Maximum, 3.1.2.11.4 Maximum Packet Size (MQTT 5.0). */
class FlowControlTest extends ConformanceTest {

    @Test
    @DisplayName("[MQTT-3.3.4-7] §3.3.4 more unacknowledged QoS 2 PUBLISHes than the broker's Receive Maximum: DISCONNECT 0x93")
    void exceedingTheBrokersReceiveMaximumIsRefused() throws Exception {
        String topic = topic("flood");
        RawMqttClient client = rawConnected(V5, clientId("flood"));
        long receiveMaximum = (Long) client.connack().connackProperties().get(PropertyBytes.RECEIVE_MAXIMUM);
        // QoS 2 ids stay unacknowledged until PUBCOMP, and PUBREL is never sent here.
        for (int id = 1; id <= receiveMaximum; id++) {
            client.send(MqttPackets.publish(V5, topic, 2, id, "x".getBytes()));
            assertThat(client.readUntil(ReceivedPacket.PUBREC).packetId()).isEqualTo(id);
        }
        client.send(MqttPackets.publish(V5, topic, 2, (int) receiveMaximum + 1, "one too many".getBytes()));
        assertDisconnectedWith(client, 0x93);
    }

    @Test
    @DisplayName("[MQTT-3.3.4-9] [MQTT-4.9.0-2] the broker sends no more unacknowledged QoS 1 PUBLISHes than the client's Receive Maximum")
    void theBrokerHonoursTheClientsReceiveMaximum() throws Exception {
        String topic = topic("window");
        RawMqttClient subscriber = rawConnected(V5, MqttPackets.connect(V5, clientId("sub"), 0, true,
                PropertyBytes.receiveMaximum(2)));
        subscriber.send(MqttPackets.subscribe(V5, 1, 1, topic));
        subscriber.readUntil(ReceivedPacket.SUBACK);
        RawMqttClient publisher = closeLater(RawMqttClient.connected(portB(), V5, clientId("pub")));
        for (int i = 1; i <= 5; i++) {
            publisher.send(MqttPackets.publish(V5, topic, 1, i, ("m" + i).getBytes()));
            publisher.readUntil(ReceivedPacket.PUBACK);
        }
        ReceivedPacket first = subscriber.readUntil(ReceivedPacket.PUBLISH);
        ReceivedPacket second = subscriber.readUntil(ReceivedPacket.PUBLISH);
        assertThat(subscriber.pingAnswered()).as("a third PUBLISH before any PUBACK").isTrue();

        Set<String> received = new HashSet<>(Set.of(first.payloadText(), second.payloadText()));
        subscriber.send(MqttPackets.puback(first.publishPacketId()));
        ReceivedPacket third = subscriber.readUntil(ReceivedPacket.PUBLISH);
        received.add(third.payloadText());
        subscriber.send(MqttPackets.puback(second.publishPacketId()));
        subscriber.send(MqttPackets.puback(third.publishPacketId()));
        for (int i = 0; i < 2; i++) {
            ReceivedPacket next = subscriber.readUntil(ReceivedPacket.PUBLISH);
            received.add(next.payloadText());
            subscriber.send(MqttPackets.puback(next.publishPacketId()));
        }
        assertThat(received).containsExactlyInAnyOrder("m1", "m2", "m3", "m4", "m5");
    }

    @Test
    @DisplayName("[MQTT-3.3.4-10] [MQTT-4.9.0-3] with the client's Receive Maximum used up the broker still answers PINGREQ, SUBSCRIBE and UNSUBSCRIBE")
    void aFullWindowDelaysOnlyPublishes() throws Exception {
        String topic = topic("full");
        RawMqttClient subscriber = rawConnected(V5, MqttPackets.connect(V5, clientId("sub"), 0, true,
                PropertyBytes.receiveMaximum(1)));
        subscriber.send(MqttPackets.subscribe(V5, 1, 1, topic));
        subscriber.readUntil(ReceivedPacket.SUBACK);
        RawMqttClient publisher = closeLater(RawMqttClient.connected(portB(), V5, clientId("pub")));
        publisher.send(MqttPackets.publish(V5, topic, 1, 1, "holds the window".getBytes()));
        publisher.readUntil(ReceivedPacket.PUBACK);
        publisher.send(MqttPackets.publish(V5, topic, 1, 2, "waits".getBytes()));
        publisher.readUntil(ReceivedPacket.PUBACK);
        ReceivedPacket unacknowledged = subscriber.readUntil(ReceivedPacket.PUBLISH);

        assertThat(subscriber.pingAnswered()).as("PINGRESP while the window is full").isTrue();
        subscriber.send(MqttPackets.subscribe(V5, 2, 0, topic("other")));
        assertThat(subscriber.read().type()).as("SUBACK while the window is full").isEqualTo(ReceivedPacket.SUBACK);
        subscriber.send(MqttPackets.unsubscribe(V5, 3, topic("never")));
        assertThat(subscriber.read().type()).as("UNSUBACK while the window is full").isEqualTo(ReceivedPacket.UNSUBACK);

        subscriber.send(MqttPackets.puback(unacknowledged.publishPacketId()));
        assertThat(subscriber.readUntil(ReceivedPacket.PUBLISH).payloadText()).isEqualTo("waits");
    }

    @Test
    @DisplayName("[MQTT-3.1.2-24] [MQTT-3.1.2-25] a message larger than the client's Maximum Packet Size is not sent to it; later ones are")
    void theBrokerHonoursTheClientsMaximumPacketSize() throws Exception {
        String topic = topic("small");
        RawMqttClient subscriber = rawConnected(V5, MqttPackets.connect(V5, clientId("sub"), 0, true,
                PropertyBytes.maximumPacketSize(128)));
        subscriber.send(MqttPackets.subscribe(V5, 1, 0, topic));
        subscriber.readUntil(ReceivedPacket.SUBACK);
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        publisher.send(MqttPackets.publish(V5, topic, 0, 0, new byte[512]));
        publisher.send(MqttPackets.publish(V5, topic, 0, 0, "fits".getBytes()));
        ReceivedPacket delivery = subscriber.readUntil(ReceivedPacket.PUBLISH);
        assertThat(delivery.payloadText()).as("the first message that fits").isEqualTo("fits");
    }

    @Test
    @DisplayName("[MQTT-3.1.2-25] a QoS 1 message larger than the client's Maximum Packet Size is skipped without holding its Receive Maximum slot")
    void anOversizeQos1DeliveryDoesNotBlockTheWindow() throws Exception {
        String topic = topic("small1");
        RawMqttClient subscriber = rawConnected(V5, MqttPackets.connect(V5, clientId("sub"), 0, true,
                PropertyBytes.of(PropertyBytes.maximumPacketSize(128), PropertyBytes.receiveMaximum(1))));
        subscriber.send(MqttPackets.subscribe(V5, 1, 1, topic));
        subscriber.readUntil(ReceivedPacket.SUBACK);
        RawMqttClient publisher = closeLater(RawMqttClient.connected(portB(), V5, clientId("pub")));
        publisher.send(MqttPackets.publish(V5, topic, 1, 1, new byte[512]));
        publisher.readUntil(ReceivedPacket.PUBACK);
        publisher.send(MqttPackets.publish(V5, topic, 1, 2, "fits".getBytes()));
        publisher.readUntil(ReceivedPacket.PUBACK);

        ReceivedPacket delivery = subscriber.readUntil(ReceivedPacket.PUBLISH);
        assertThat(delivery.payloadText()).as("the first message that fits").isEqualTo("fits");
    }
}
