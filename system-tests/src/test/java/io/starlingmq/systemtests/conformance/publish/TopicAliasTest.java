package io.starlingmq.systemtests.conformance.publish;

import io.starlingmq.systemtests.conformance.ConformanceTest;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.PropertyBytes;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** 3.3.2.3.4 Topic Alias (MQTT 5.0), both directions; the suite's gateways announce the default maximum of 16. */
class TopicAliasTest extends ConformanceTest {

    private static final byte[] NONE = new byte[0];
    private static final int ANNOUNCED_MAXIMUM = 16;

    @Test
    @DisplayName("§3.2.2.3.8 CONNACK announces the Topic Alias Maximum the broker accepts")
    void connackAnnouncesTheTopicAliasMaximum() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("announce"));
        assertThat(client.connack().connackProperties().get(PropertyBytes.TOPIC_ALIAS_MAXIMUM))
                .isEqualTo((long) ANNOUNCED_MAXIMUM);
    }

    @Test
    @DisplayName("[MQTT-3.3.2-12] the broker accepts aliases 1 to its maximum: a PUBLISH with an empty topic and a set alias reaches subscribers of that topic")
    void anAliasStandsForItsTopic() throws Exception {
        String first = topic("first");
        String last = topic("last");
        RawMqttClient subscriber = rawConnectedTo(portB(), clientId("sub"));
        subscribe(subscriber, 1, NONE, 1, first, 1);
        subscribe(subscriber, 2, NONE, 1, last, 1);
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        publishQos1(publisher, first, 1, false, alias(1), "sets 1");
        publishQos1(publisher, "", 2, false, alias(1), "uses 1");
        publishQos1(publisher, last, 3, false, alias(ANNOUNCED_MAXIMUM), "sets max");
        publishQos1(publisher, "", 4, false, alias(ANNOUNCED_MAXIMUM), "uses max");

        List<String> received = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ReceivedPacket delivery = subscriber.readUntil(ReceivedPacket.PUBLISH);
            subscriber.send(MqttPackets.puback(delivery.publishPacketId()));
            received.add(delivery.topic() + " " + delivery.payloadText());
        }
        assertThat(received).containsExactly(first + " sets 1", first + " uses 1", last + " sets max", last + " uses max");
    }

    @Test
    @DisplayName("§3.3.2.3.4 a Topic Alias of 0 is refused: DISCONNECT 0x94")
    void aliasZeroIsRefused() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("zero"));
        client.send(MqttPackets.publish(V5, topic("t"), 0, 0, false, alias(0), "x".getBytes()));
        assertDisconnectedWith(client, 0x94);
    }

    @Test
    @DisplayName("§3.3.2.3.4 a Topic Alias above the announced maximum is refused: DISCONNECT 0x94")
    void anAliasAboveTheMaximumIsRefused() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("above"));
        client.send(MqttPackets.publish(V5, topic("t"), 0, 0, false, alias(ANNOUNCED_MAXIMUM + 1), "x".getBytes()));
        assertDisconnectedWith(client, 0x94);
    }

    @Test
    @DisplayName("§3.3.2.3.4 an empty topic with an alias that was never set is a protocol error: DISCONNECT 0x82")
    void anUnknownAliasIsAProtocolError() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("unknown"));
        client.send(MqttPackets.publish(V5, "", 1, 1, false, alias(3), "x".getBytes()));
        assertDisconnectedWith(client, 0x82);
    }

    @Test
    @DisplayName("[MQTT-3.3.2-7] alias mappings do not outlive their connection: a new connection of the same client cannot use them (DISCONNECT 0x82)")
    void aliasesAreNotCarriedToTheNextConnection() throws Exception {
        String clientId = clientId("again");
        byte[] connect = MqttPackets.connect(V5, clientId, 0, false, PropertyBytes.sessionExpiry(60));
        try (RawMqttClient first = RawMqttClient.connected(portA(), V5, connect)) {
            publishQos1(first, topic("t"), 1, false, alias(1), "sets 1");
            first.send(MqttPackets.disconnect());
            first.readUntilClosed();
        }
        RawMqttClient second = closeLater(RawMqttClient.connected(portA(), V5,
                MqttPackets.connect(V5, clientId, 0, false, PropertyBytes.sessionExpiry(0))));
        assertThat(second.connack().sessionPresent()).as("the session lives on, the aliases do not").isTrue();
        second.send(MqttPackets.publish(V5, "", 1, 2, false, alias(1), "uses 1".getBytes()));
        assertDisconnectedWith(second, 0x82);
    }

    @Test
    @DisplayName("[MQTT-3.3.2-11] [MQTT-3.1.2-26] towards a client with Topic Alias Maximum 2 the broker uses only aliases 1 and 2, each standing for the topic it was last sent with")
    void outboundAliasesStayWithinTheClientsMaximum() throws Exception {
        String parent = topic("many");
        List<String> topics = List.of(parent + "/a", parent + "/b", parent + "/c", parent + "/a", parent + "/b", parent + "/a");
        RawMqttClient subscriber = closeLater(RawMqttClient.connected(portB(), V5, MqttPackets.connect(V5,
                clientId("sub"), 0, true, PropertyBytes.topicAliasMaximum(2))));
        subscribe(subscriber, 1, NONE, 0, parent + "/+", 0);
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        for (String topic : topics) {
            publisher.send(MqttPackets.publish(V5, topic, 0, 0, topic.getBytes()));
        }

        Map<Long, String> mapping = new HashMap<>();
        List<String> resolved = new ArrayList<>();
        boolean anAliasWasUsed = false;
        for (int i = 0; i < topics.size(); i++) {
            ReceivedPacket delivery = subscriber.readUntil(ReceivedPacket.PUBLISH);
            Long alias = (Long) delivery.publishProperties().get(PropertyBytes.TOPIC_ALIAS);
            String topic = delivery.topic();
            if (alias != null) {
                assertThat(alias).as("alias").isBetween(1L, 2L);
                if (topic.isEmpty()) {
                    assertThat(mapping).as("an empty topic only with an alias set before").containsKey(alias);
                    topic = mapping.get(alias);
                    anAliasWasUsed = true;
                } else {
                    mapping.put(alias, topic);
                }
            }
            assertThat(topic).as("topic of delivery %d (payload names it)", i + 1).isEqualTo(delivery.payloadText());
            resolved.add(topic);
        }
        assertThat(resolved).containsExactlyElementsOf(topics);
        assertThat(anAliasWasUsed).as("the broker replaced at least one repeated topic by its alias").isTrue();
    }

    @Test
    @DisplayName("[MQTT-3.1.2-27] towards a client that announced no Topic Alias Maximum the broker sends no alias")
    void noAliasTowardsAClientWithoutMaximum() throws Exception {
        String topic = topic("plain");
        RawMqttClient subscriber = rawConnectedTo(portB(), clientId("sub"));
        subscribe(subscriber, 1, NONE, 0, topic, 0);
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        for (int i = 0; i < 3; i++) {
            publisher.send(MqttPackets.publish(V5, topic, 0, 0, "same topic".getBytes()));
        }
        for (int i = 0; i < 3; i++) {
            ReceivedPacket delivery = subscriber.readUntil(ReceivedPacket.PUBLISH);
            assertThat(delivery.topic()).isEqualTo(topic);
            assertThat(delivery.publishProperties()).doesNotContainKey(PropertyBytes.TOPIC_ALIAS);
        }
    }

    private static byte[] alias(int value) {
        return PropertyBytes.topicAlias(value);
    }
}
