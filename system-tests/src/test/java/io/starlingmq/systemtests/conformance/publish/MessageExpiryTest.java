package io.starlingmq.systemtests.conformance.publish;

import io.starlingmq.systemtests.conformance.ConformanceTest;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.PropertyBytes;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 3.3.2.3.3 Message Expiry Interval (MQTT 5.0): expired messages are not delivered, the rest carry what is
 * left; 4.3.3: a QoS 2 flow that has begun is finished whatever the message's expiry.
 */
class MessageExpiryTest extends ConformanceTest {

    private static final byte[] NONE = new byte[0];

    @Test
    @DisplayName("[MQTT-3.3.2-5] a message whose expiry passed while the subscriber was offline is not delivered; one without expiry is")
    void anExpiredMessageIsNotDelivered() throws Exception {
        String topic = topic("expired");
        String subscriberId = clientId("sub");
        leaveWithASession(subscriberId, topic);
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        publishQos1(publisher, topic, 1, false, PropertyBytes.messageExpiry(1), "expires");
        publishQos1(publisher, topic, 2, false, NONE, "stays");

        letTimePass(3);
        RawMqttClient resumed = resume(subscriberId);
        assertThat(resumed.readUntil(ReceivedPacket.PUBLISH).payloadText()).as("the first message after resuming")
                .isEqualTo("stays");
    }

    @Test
    @DisplayName("[MQTT-3.3.2-6] a message that waited for an offline subscriber carries its expiry minus the time it waited")
    void aWaitingMessageCarriesTheRemainingInterval() throws Exception {
        String topic = topic("remaining");
        String subscriberId = clientId("sub");
        leaveWithASession(subscriberId, topic);
        publishQos1(rawConnected(V5, clientId("pub")), topic, 1, false,
                PropertyBytes.messageExpiry(60), "waits");

        letTimePass(2);
        ReceivedPacket delivery = resume(subscriberId).readUntil(ReceivedPacket.PUBLISH);
        assertThat(delivery.payloadText()).isEqualTo("waits");
        // At least two seconds waited, so at most 58 of 60 are left (whole seconds, rounded up).
        assertThat((Long) delivery.publishProperties().get(PropertyBytes.MESSAGE_EXPIRY_INTERVAL))
                .as("Message Expiry Interval sent").isBetween(1L, 58L);
    }

    @Test
    @DisplayName("[MQTT-3.3.2-6] a live delivery carries a Message Expiry Interval no larger than the one published; none when none was published")
    void aLiveDeliveryCarriesTheInterval() throws Exception {
        String topic = topic("live");
        RawMqttClient subscriber = rawConnectedTo(portB(), clientId("sub"));
        subscribe(subscriber, 1, NONE, 1, topic, 1);
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        publishQos1(publisher, topic, 1, false, PropertyBytes.messageExpiry(60), "with");
        publishQos1(publisher, topic, 2, false, NONE, "without");

        ReceivedPacket with = subscriber.readUntil(ReceivedPacket.PUBLISH);
        assertThat((Long) with.publishProperties().get(PropertyBytes.MESSAGE_EXPIRY_INTERVAL)).isBetween(1L, 60L);
        subscriber.send(MqttPackets.puback(with.publishPacketId()));
        ReceivedPacket without = subscriber.readUntil(ReceivedPacket.PUBLISH);
        assertThat(without.payloadText()).isEqualTo("without");
        assertThat(without.publishProperties()).doesNotContainKey(PropertyBytes.MESSAGE_EXPIRY_INTERVAL);
    }

    @Test
    @DisplayName("[MQTT-3.3.2-5] §3.3.2.3.3 an expired retained message is not sent to a new subscriber")
    void anExpiredRetainedMessageIsNotSent() throws Exception {
        String topic = topic("retained");
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        publishQos1(publisher, topic, 1, true, PropertyBytes.messageExpiry(1), "retained");

        letTimePass(3);
        RawMqttClient subscriber = rawConnectedTo(portB(), clientId("sub"));
        subscribe(subscriber, 1, NONE, 1, topic, 1);
        publishQos1(publisher, topic, 2, false, NONE, "marker");
        assertThat(subscriber.readUntil(ReceivedPacket.PUBLISH).payloadText()).as("the next message").isEqualTo("marker");
    }

    @Test
    @DisplayName("[MQTT-3.3.2-6] a retained message sent at SUBSCRIBE carries its remaining expiry")
    void aRetainedMessageCarriesTheRemainingInterval() throws Exception {
        String topic = topic("retained-live");
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        publishQos1(publisher, topic, 1, true, PropertyBytes.messageExpiry(60), "retained");
        try {
            letTimePass(2);
            RawMqttClient subscriber = rawConnectedTo(portB(), clientId("sub"));
            subscribe(subscriber, 1, NONE, 1, topic, 1);
            ReceivedPacket retained = subscriber.readUntil(ReceivedPacket.PUBLISH);
            assertThat(retained.retain()).isTrue();
            assertThat((Long) retained.publishProperties().get(PropertyBytes.MESSAGE_EXPIRY_INTERVAL))
                    .as("Message Expiry Interval after two seconds retained").isBetween(1L, 58L);
        } finally {
            publishQos1(publisher, topic, 2, true, NONE, "");
        }
    }

    @Test
    @DisplayName("[MQTT-4.3.3-7] a QoS 2 PUBLISH already sent is not expired: the PUBREC that comes after its expiry is answered PUBREL 0x00, PUBCOMP ends it")
    void aSentQosTwoDeliveryIsCompletedAfterItsExpiry() throws Exception {
        String topic = topic("sent-q2");
        RawMqttClient subscriber = rawConnected(V5, clientId("sub"));
        subscribe(subscriber, 1, NONE, 2, topic, 2);
        publishQosTwo(rawConnectedTo(portB(), clientId("pub")), topic, "short-lived");
        ReceivedPacket delivery = subscriber.readUntil(ReceivedPacket.PUBLISH);
        assertThat(delivery.qos()).isEqualTo(2);

        letTimePass(3);
        subscriber.send(MqttPackets.pubrec(delivery.publishPacketId()));
        ReceivedPacket pubrel = subscriber.readUntil(ReceivedPacket.PUBREL);
        assertThat(pubrel.packetId()).isEqualTo(delivery.publishPacketId());
        assertThat(hex(pubrel.ackReasonCode())).as("PUBREL reason code").isEqualTo("0x00");
        subscriber.send(MqttPackets.pubcomp(pubrel.packetId()));
        assertThat(subscriber.pingAnswered()).as("the next packet is PINGRESP").isTrue();
    }

    @Test
    @DisplayName("[MQTT-4.3.3-7] [MQTT-4.4.0-1] a QoS 2 PUBLISH sent but not acknowledged is sent again with DUP 1 when the session resumes after its expiry")
    void aSentQosTwoDeliveryIsResentAfterItsExpiry() throws Exception {
        String topic = topic("resent-q2");
        String subscriberId = clientId("sub");
        RawMqttClient first = connectWithSession(subscriberId);
        subscribe(first, 1, NONE, 2, topic, 2);
        publishQosTwo(rawConnected(V5, clientId("pub")), topic, "short-lived");
        ReceivedPacket delivery = first.readUntil(ReceivedPacket.PUBLISH);
        first.close();

        letTimePass(3);
        RawMqttClient resumed = resume(subscriberId);
        ReceivedPacket resent = resumed.readUntil(ReceivedPacket.PUBLISH);
        assertThat(resent.payloadText()).isEqualTo("short-lived");
        assertThat(resent.dup()).as("DUP of the resent PUBLISH").isTrue();
        assertThat(resent.publishPacketId()).isEqualTo(delivery.publishPacketId());
        resumed.send(MqttPackets.pubrec(resent.publishPacketId()));
        ReceivedPacket pubrel = resumed.readUntil(ReceivedPacket.PUBREL);
        assertThat(hex(pubrel.ackReasonCode())).as("PUBREL reason code").isEqualTo("0x00");
        resumed.send(MqttPackets.pubcomp(pubrel.packetId()));
        assertThat(resumed.pingAnswered()).as("the next packet is PINGRESP").isTrue();
    }

    @Test
    @DisplayName("[MQTT-4.3.3-7] [MQTT-4.4.0-1] a QoS 2 delivery whose PUBREL was sent is released again when the session resumes after the message's expiry")
    void aReleasedQosTwoDeliveryIsCompletedAfterItsExpiry() throws Exception {
        String topic = topic("released-q2");
        String subscriberId = clientId("sub");
        RawMqttClient first = connectWithSession(subscriberId);
        subscribe(first, 1, NONE, 2, topic, 2);
        publishQosTwo(rawConnected(V5, clientId("pub")), topic, "short-lived");
        ReceivedPacket delivery = first.readUntil(ReceivedPacket.PUBLISH);
        first.send(MqttPackets.pubrec(delivery.publishPacketId()));
        assertThat(first.readUntil(ReceivedPacket.PUBREL).packetId()).isEqualTo(delivery.publishPacketId());
        first.close();

        letTimePass(3);
        RawMqttClient resumed = resume(subscriberId);
        ReceivedPacket pubrel = resumed.read();
        assertThat(pubrel.type()).as("first packet after CONNACK: %s", pubrel).isEqualTo(ReceivedPacket.PUBREL);
        assertThat(pubrel.packetId()).isEqualTo(delivery.publishPacketId());
        resumed.send(MqttPackets.pubcomp(pubrel.packetId()));
        assertThat(resumed.pingAnswered()).as("the next packet is PINGRESP").isTrue();
    }

    @Test
    @DisplayName("[MQTT-4.3.3-13] the broker completes a client's QoS 2 flow whose message expired before the PUBREL: PUBCOMP 0x00")
    void anIncomingQosTwoFlowIsCompletedAfterItsExpiry() throws Exception {
        String topic = topic("incoming-q2");
        RawMqttClient subscriber = rawConnectedTo(portB(), clientId("sub"));
        subscribe(subscriber, 1, NONE, 2, topic, 2);
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        publisher.send(MqttPackets.publish(V5, topic, 2, 21, false, PropertyBytes.messageExpiry(1),
                "short-lived".getBytes()));
        assertThat(publisher.readUntil(ReceivedPacket.PUBREC).packetId()).isEqualTo(21);

        letTimePass(3);
        publisher.send(MqttPackets.pubrel(21));
        ReceivedPacket pubcomp = publisher.readUntil(ReceivedPacket.PUBCOMP);
        assertThat(pubcomp.packetId()).isEqualTo(21);
        assertThat(hex(pubcomp.ackReasonCode())).as("PUBCOMP reason code").isEqualTo("0x00");
        assertThat(publisher.pingAnswered()).as("the connection is still served").isTrue();
    }

    /** A QoS 2 PUBLISH with a one-second expiry, its flow completed by the publisher. */
    private static void publishQosTwo(RawMqttClient publisher, String topic, String payload) throws IOException {
        publisher.send(MqttPackets.publish(V5, topic, 2, 1, false, PropertyBytes.messageExpiry(1),
                payload.getBytes()));
        assertThat(publisher.readUntil(ReceivedPacket.PUBREC).packetId()).isEqualTo(1);
        publisher.send(MqttPackets.pubrel(1));
        assertThat(publisher.readUntil(ReceivedPacket.PUBCOMP).packetId()).isEqualTo(1);
    }

    /** A clean start on gateway a with a session that outlives the connection, closed after the test. */
    private RawMqttClient connectWithSession(String clientId) throws IOException {
        return closeLater(RawMqttClient.connected(portA(), V5, MqttPackets.connect(V5, clientId, 0, true,
                PropertyBytes.sessionExpiry(300))));
    }

    /** Connects with a session that outlives the connection, subscribes at QoS 1 and disconnects normally. */
    private void leaveWithASession(String clientId, String topic) throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(portB(), V5, MqttPackets.connect(V5, clientId, 0, true,
                PropertyBytes.sessionExpiry(300)))) {
            subscribe(client, 1, NONE, 1, topic, 1);
            client.send(MqttPackets.disconnect());
            client.readUntilClosed();
        }
    }

    /** Resumes the session; expiry 0 now, so it ends with this connection after the test. */
    private RawMqttClient resume(String clientId) throws IOException {
        RawMqttClient client = closeLater(RawMqttClient.connected(portB(), V5,
                MqttPackets.connect(V5, clientId, 0, false, PropertyBytes.sessionExpiry(0))));
        assertThat(client.connack().sessionPresent()).as("Session Present").isTrue();
        return client;
    }

    /** The expiry under test is measured in whole seconds: the clock has to move past it. */
    private static void letTimePass(int seconds) throws InterruptedException {
        TimeUnit.SECONDS.sleep(seconds);
    }
}
