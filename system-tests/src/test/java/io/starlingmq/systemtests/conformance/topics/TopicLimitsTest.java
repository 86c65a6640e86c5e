package io.starlingmq.systemtests.conformance.topics;

import io.starlingmq.systemtests.conformance.ConformanceSuite;
import io.starlingmq.systemtests.conformance.ConformanceTest;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Topics the broker does not accept although they are well formed (MQTT 5.0 §3.4.2.1 0x90, §3.9.3
 * 0x8F), on gateway c, which is configured with at most {@value ConformanceSuite#MAX_TOPIC_LEVELS_C}
 * levels and {@value ConformanceSuite#MAX_TOPIC_LENGTH_C} bytes.
 */
class TopicLimitsTest extends ConformanceTest {

    @Test
    @DisplayName("§3.4.2.1 a QoS 1 PUBLISH with more levels than the broker accepts gets PUBACK 0x90 and the connection stays")
    void tooManyLevelsAtQos1GetPuback0x90() throws Exception {
        RawMqttClient client = connectToC("deep");
        client.send(MqttPackets.publish(V5, levels(ConformanceSuite.MAX_TOPIC_LEVELS_C + 1), 1, 1, "x".getBytes()));
        ReceivedPacket puback = client.readUntil(ReceivedPacket.PUBACK);
        assertThat(hex(puback.ackReasonCode())).isEqualTo(hex(0x90));
        assertThat(client.pingAnswered()).as("connection still served").isTrue();
    }

    @Test
    @DisplayName("§3.4.2.1 a QoS 1 PUBLISH with a topic longer than the broker accepts gets PUBACK 0x90")
    void aTooLongTopicGetsPuback0x90() throws Exception {
        RawMqttClient client = connectToC("long");
        client.send(MqttPackets.publish(V5, "l/" + "x".repeat(ConformanceSuite.MAX_TOPIC_LENGTH_C), 1, 1, "x".getBytes()));
        assertThat(hex(client.readUntil(ReceivedPacket.PUBACK).ackReasonCode())).isEqualTo(hex(0x90));
    }

    @Test
    @DisplayName("§3.14.2.1 a QoS 0 PUBLISH with more levels than the broker accepts cannot be answered: DISCONNECT 0x90")
    void tooManyLevelsAtQos0Disconnect() throws Exception {
        RawMqttClient client = connectToC("deep0");
        client.send(MqttPackets.publish(V5, levels(ConformanceSuite.MAX_TOPIC_LEVELS_C + 1), 0, 0, "x".getBytes()));
        assertDisconnectedWith(client, 0x90);
    }

    @Test
    @DisplayName("§3.9.3 a filter with more levels than the broker accepts gets SUBACK 0x8F; a shared filter is measured without its $share prefix")
    void tooManyFilterLevelsGetSuback0x8F() throws Exception {
        RawMqttClient client = connectToC("filters");
        String deep = levels(ConformanceSuite.MAX_TOPIC_LEVELS_C + 1);
        String atTheLimit = levels(ConformanceSuite.MAX_TOPIC_LEVELS_C);
        client.send(MqttPackets.subscribe(V5, 1, 1, deep, atTheLimit, "$share/g/" + atTheLimit));
        assertThat(client.readUntil(ReceivedPacket.SUBACK).filterReasonCodes()).containsExactly(0x8F, 1, 1);
    }

    @Test
    @DisplayName("§4.7 a topic at the limits is accepted and delivered")
    void aTopicAtTheLimitsIsDelivered() throws Exception {
        String topic = levels(ConformanceSuite.MAX_TOPIC_LEVELS_C);
        RawMqttClient client = connectToC("fits");
        subscribe(client, 1, new byte[0], 0, topic, 0);
        client.send(MqttPackets.publish(V5, topic, 0, 0, "fits".getBytes()));
        ReceivedPacket delivery = client.readUntil(ReceivedPacket.PUBLISH);
        assertThat(delivery.topic()).isEqualTo(topic);
    }

    /** A topic of exactly {@code count} levels, unique to this test, short enough for the length limit. */
    private String levels(int count) {
        String unique = clientId("t");
        StringBuilder topic = new StringBuilder("lim/").append(unique.substring(unique.lastIndexOf('-') + 1));
        for (int level = 3; level <= count; level++) {
            topic.append("/").append(level);
        }
        return topic.toString();
    }

    private RawMqttClient connectToC(String role) throws Exception {
        return closeLater(RawMqttClient.connected(portC(), V5, clientId(role)));
    }
}
