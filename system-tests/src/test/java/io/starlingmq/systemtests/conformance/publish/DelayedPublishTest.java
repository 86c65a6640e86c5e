package io.starlingmq.systemtests.conformance.publish;

import io.starlingmq.systemtests.conformance.ConformanceTest;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delayed publish, {@code $delayed/{seconds}/{topic}} (a broker extension, no MQTT section): stored,
 * then published to the topic once the delay has passed.
 */
class DelayedPublishTest extends ConformanceTest {

    private static final byte[] NONE = new byte[0];

    @Test
    @DisplayName("$delayed: a delayed message is acknowledged 0x00 and arrives on its topic through the other gateway after a message published later without delay")
    void aDelayedMessageArrivesAfterItsDelay() throws Exception {
        String topic = topic("later");
        RawMqttClient subscriber = rawConnectedTo(portB(), clientId("sub"));
        subscribe(subscriber, 1, NONE, 1, topic, 1);
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        ReceivedPacket stored = publishQos1(publisher, "$delayed/3/" + topic, 1, false, NONE, "delayed");
        assertThat(hex(stored.ackReasonCode())).isEqualTo(hex(0x00));
        publishQos1(publisher, topic, 2, false, NONE, "direct");

        // Three seconds against a direct delivery: a wide margin for "not before its delay".
        ReceivedPacket first = subscriber.readUntil(ReceivedPacket.PUBLISH);
        assertThat(first.payloadText()).as("the first message").isEqualTo("direct");
        subscriber.send(MqttPackets.puback(first.publishPacketId()));
        ReceivedPacket delayed = subscriber.readUntil(ReceivedPacket.PUBLISH);
        assertThat(delayed.topic()).isEqualTo(topic);
        assertThat(delayed.payloadText()).isEqualTo("delayed");
    }

    @Test
    @DisplayName("$delayed: a malformed $delayed topic (interval not a number, no topic, a $ topic) gets PUBACK 0x90 and the connection stays")
    void aMalformedDelayedTopicIsRefused() throws Exception {
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        String[] malformed = {"$delayed/soon/" + topic("t"), "$delayed/5", "$delayed/5/$SYS/x"};
        for (int i = 0; i < malformed.length; i++) {
            publisher.send(MqttPackets.publish(V5, malformed[i], 1, i + 1, "x".getBytes()));
            ReceivedPacket puback = publisher.readUntil(ReceivedPacket.PUBACK);
            assertThat(hex(puback.ackReasonCode())).as("PUBACK for %s", malformed[i]).isEqualTo(hex(0x90));
        }
        assertThat(publisher.pingAnswered()).as("connection still served").isTrue();
    }
}
