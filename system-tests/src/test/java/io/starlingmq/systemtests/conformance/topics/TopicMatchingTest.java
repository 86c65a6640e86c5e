package io.starlingmq.systemtests.conformance.topics;

import io.starlingmq.systemtests.conformance.ConformanceTest;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 4.7 Topic names and topic filters (MQTT 5.0): how filters match. Each test publishes a set of topics
 * and then a marker; what the subscriber got before the marker is exactly what matched.
 */
class TopicMatchingTest extends ConformanceTest {

    @Test
    @DisplayName("[MQTT-4.7.1-1] '#' matches its parent level and every level below")
    void multiLevelWildcardMatchesParentAndChildren() throws Exception {
        String base = topic("sport");
        assertMatches(base + "/#", List.of(base, base + "/tennis", base + "/tennis/player1/score"),
                List.of(base + "x", topic("elsewhere")));
    }

    @Test
    @DisplayName("[MQTT-4.7.1-2] '+' matches exactly one level, including an empty one")
    void singleLevelWildcardMatchesOneLevel() throws Exception {
        String base = topic("sport");
        assertMatches(base + "/+/score", List.of(base + "/tennis/score", base + "//score"),
                List.of(base + "/tennis/player1/score", base + "/score", base + "/tennis/scores"));
    }

    @Test
    @DisplayName("[MQTT-4.7.2-1] a filter starting with a wildcard does not match topics starting with '$'")
    void wildcardsDoNotMatchDollarTopics() throws Exception {
        String leaf = "dollar-" + clientId("leaf");
        String dollarTopic = "$conformance/" + leaf;
        String plainTopic = "conformance/" + leaf;
        RawMqttClient subscriber = rawConnected(V5, clientId("sub"));
        subscriber.send(MqttPackets.subscribe(V5, 1, 0, "+/" + leaf));
        assertThat(subscriber.readUntil(ReceivedPacket.SUBACK).filterReasonCodes()).containsExactly(0);
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        publisher.send(MqttPackets.publish(V5, dollarTopic, 0, 0, "hidden".getBytes()));
        publisher.send(MqttPackets.publish(V5, plainTopic, 0, 0, "marker".getBytes()));
        assertThat(subscriber.readUntil(ReceivedPacket.PUBLISH).topic()).isEqualTo(plainTopic);
    }

    @Test
    @DisplayName("[MQTT-4.7.3-4] topics and filters are compared without normalisation: case, trailing '/' and leading '/' count")
    void noNormalisation() throws Exception {
        String base = topic("Case");
        assertMatches(base, List.of(base), List.of(base.toLowerCase(), base + "/", "/" + base));
    }

    @Test
    @DisplayName("[MQTT-1.5.4-3] a U+FEFF (zero width no-break space) in a topic is kept: it matches only a filter holding it")
    void aByteOrderMarkIsNotSkipped() throws Exception {
        String base = topic("bom");
        assertMatches(base + "/\uFEFFx", List.of(base + "/\uFEFFx"), List.of(base + "/x"));
    }

    @Test
    @DisplayName("[MQTT-3.3.2-3] the topic of a delivery is the topic published to, not the subscriber's filter")
    void deliveriesCarryThePublishedTopic() throws Exception {
        String base = topic("room");
        assertMatches(base + "/+", List.of(base + "/kitchen"), List.of());
    }

    /** Subscribes to {@code filter}, publishes every topic, then a marker; the topics received must be exactly the matching ones. */
    private void assertMatches(String filter, List<String> matching, List<String> notMatching) throws IOException {
        RawMqttClient subscriber = rawConnected(V5, clientId("sub"));
        String marker = topic("marker");
        subscriber.send(MqttPackets.subscribe(V5, 1, 1, filter, marker));
        assertThat(subscriber.readUntil(ReceivedPacket.SUBACK).filterReasonCodes()).containsExactly(1, 1);
        RawMqttClient publisher = closeLater(RawMqttClient.connected(portB(), V5, clientId("pub")));
        int packetId = 1;
        List<String> all = new ArrayList<>(notMatching);
        all.addAll(matching);
        for (String topic : all) {
            publisher.send(MqttPackets.publish(V5, topic, 1, packetId++, topic.getBytes()));
            publisher.readUntil(ReceivedPacket.PUBACK);
        }
        publisher.send(MqttPackets.publish(V5, marker, 1, packetId, "marker".getBytes()));
        publisher.readUntil(ReceivedPacket.PUBACK);

        List<String> received = new ArrayList<>();
        while (true) {
            ReceivedPacket delivery = subscriber.readUntil(ReceivedPacket.PUBLISH);
            subscriber.send(MqttPackets.puback(delivery.publishPacketId()));
            if (delivery.topic().equals(marker)) {
                break;
            }
            assertThat(delivery.payloadText()).as("payload of %s", delivery.topic()).isEqualTo(delivery.topic());
            received.add(delivery.topic());
        }
        assertThat(received).as("topics delivered for filter %s", filter).containsExactlyElementsOf(matching);
    }
}
