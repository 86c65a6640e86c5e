package io.starlingmq.systemtests.conformance.publish;

import io.starlingmq.systemtests.conformance.ConformanceTest;
import io.starlingmq.systemtests.harness.MqttPackets;
import io.starlingmq.systemtests.harness.PropertyBytes;
import io.starlingmq.systemtests.harness.RawMqttClient;
import io.starlingmq.systemtests.harness.ReceivedPacket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** 3.3.2.3.3 Message Expiry Interval (MQTT 5.0): expired messages are not delivered, the rest carry what is left. */
class MessageExpiryTest extends ConformanceTest {

    private static final byte[] NONE = new byte[0];

    @Test
    @DisplayName("[MQTT-3.3.2-5] a message whose expiry passed while the subscriber was offline is not delivered; one without expiry is")
    void anExpiredMessageIsNotDelivered() throws Exception {
        String topic = topic("expired");
        String subscriberId = clientId("sub");
        leaveWithASession(subscriberId, topic);
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        publishQos1(publisher, topic, 1, false, PropertyBytes.of().messageExpiry(1).toBytes(), "expires");
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
                PropertyBytes.of().messageExpiry(60).toBytes(), "waits");

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
        publishQos1(publisher, topic, 1, false, PropertyBytes.of().messageExpiry(60).toBytes(), "with");
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
        publishQos1(publisher, topic, 1, true, PropertyBytes.of().messageExpiry(1).toBytes(), "retained");

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
        publishQos1(publisher, topic, 1, true, PropertyBytes.of().messageExpiry(60).toBytes(), "retained");
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

    /** Connects with a session that outlives the connection, subscribes at QoS 1 and disconnects normally. */
    private void leaveWithASession(String clientId, String topic) throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(portB(), V5, MqttPackets.connect(V5, clientId, 0, true,
                PropertyBytes.of().sessionExpiry(300).toBytes()))) {
            subscribe(client, 1, NONE, 1, topic, 1);
            client.send(MqttPackets.disconnect());
            client.readUntilClosed();
        }
    }

    /** Resumes the session; expiry 0 now, so it ends with this connection after the test. */
    private RawMqttClient resume(String clientId) throws IOException {
        RawMqttClient client = closeLater(RawMqttClient.connected(portB(), V5,
                MqttPackets.connect(V5, clientId, 0, false, PropertyBytes.of().sessionExpiry(0).toBytes())));
        assertThat(client.connack().sessionPresent()).as("Session Present").isTrue();
        return client;
    }

    /** The expiry under test is measured in whole seconds: the clock has to move past it. */
    private static void letTimePass(int seconds) throws InterruptedException {
        TimeUnit.SECONDS.sleep(seconds);
    }
}
