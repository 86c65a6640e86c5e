package io.starlingmq.systemtests.conformance.subscribe;

import io.starlingmq.systemtests.conformance.ConformanceTest;
import io.starlingmq.testing.mqtt.MqttPacketWriter;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.PropertyBytes;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** 3.8.2.1.2 Subscription Identifier and 3.3.4 overlapping subscriptions (MQTT 5.0). */
class SubscriptionIdentifierTest extends ConformanceTest {

    private static final byte[] NONE = new byte[0];

    @Test
    @DisplayName("§3.2.2.3.12 CONNACK announces Subscription Identifiers, Shared Subscriptions and Wildcard Subscriptions available")
    void connackAnnouncesTheOptionalFeatures() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("features"));
        var properties = client.connack().connackProperties();
        // Absent means available too; when present the value must be 1.
        assertThat(properties.getOrDefault(PropertyBytes.SUBSCRIPTION_IDENTIFIERS_AVAILABLE, 1L)).isEqualTo(1L);
        assertThat(properties.getOrDefault(PropertyBytes.SHARED_SUBSCRIPTION_AVAILABLE, 1L)).isEqualTo(1L);
        assertThat(properties.getOrDefault(PropertyBytes.WILDCARD_SUBSCRIPTION_AVAILABLE, 1L)).isEqualTo(1L);
    }

    @Test
    @DisplayName("[MQTT-3.3.4-3] a delivery carries the Subscription Identifier of the subscription it matched")
    void aDeliveryCarriesItsSubscriptionIdentifier() throws Exception {
        String topic = topic("id");
        RawMqttClient subscriber = rawConnectedTo(portB(), clientId("sub"));
        subscribe(subscriber, 1, PropertyBytes.subscriptionIdentifier(268_435_455), 1, topic, 1);
        publishQos1(rawConnected(V5, clientId("pub")), topic, 1, false, NONE, "m");

        ReceivedPacket delivery = subscriber.readUntil(ReceivedPacket.PUBLISH);
        assertThat(delivery.subscriptionIdentifiers()).as("the largest identifier, four bytes").containsExactly(268_435_455L);
    }

    @Test
    @DisplayName("[MQTT-3.3.4-2] [MQTT-3.3.4-3] [MQTT-3.3.4-4] overlapping subscriptions: one delivery, at the highest granted QoS, with every identifier")
    void overlappingSubscriptionsGiveOneDeliveryWithEveryIdentifier() throws Exception {
        String topic = topic("overlap");
        String parent = topic.substring(0, topic.lastIndexOf('/'));
        RawMqttClient subscriber = rawConnectedTo(portB(), clientId("sub"));
        subscribe(subscriber, 1, PropertyBytes.subscriptionIdentifier(1), 0, topic, 0);
        subscribe(subscriber, 2, PropertyBytes.subscriptionIdentifier(2), 2, parent + "/+", 2);
        subscribe(subscriber, 3, NONE, 1, parent + "/#", 1);
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        publishQos1(publisher, topic, 1, false, NONE, "once");
        publishQos1(publisher, topic, 2, false, NONE, "marker");

        ReceivedPacket delivery = subscriber.readUntil(ReceivedPacket.PUBLISH);
        assertThat(delivery.payloadText()).isEqualTo("once");
        assertThat(delivery.qos()).as("min(message QoS 1, highest granted QoS 2)").isEqualTo(1);
        assertThat(delivery.subscriptionIdentifiers()).containsExactlyInAnyOrder(1L, 2L);
        subscriber.send(MqttPackets.puback(delivery.publishPacketId()));
        assertThat(subscriber.readUntil(ReceivedPacket.PUBLISH).payloadText()).as("the next message").isEqualTo("marker");
    }

    @Test
    @DisplayName("[MQTT-3.3.4-3] a subscription without an identifier gives deliveries without one")
    void aSubscriptionWithoutIdentifierGivesNone() throws Exception {
        String topic = topic("plain");
        RawMqttClient subscriber = rawConnectedTo(portB(), clientId("sub"));
        subscribe(subscriber, 1, NONE, 1, topic, 1);
        publishQos1(rawConnected(V5, clientId("pub")), topic, 1, false, NONE, "m");
        assertThat(subscriber.readUntil(ReceivedPacket.PUBLISH).subscriptionIdentifiers()).isEmpty();
    }

    @Test
    @DisplayName("[MQTT-3.3.1-9] [MQTT-3.3.4-3] a retained message sent at SUBSCRIBE carries that subscription's identifier")
    void aRetainedMessageAtSubscribeCarriesTheIdentifier() throws Exception {
        String topic = topic("retained");
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        publishQos1(publisher, topic, 1, true, NONE, "retained");
        try {
            RawMqttClient subscriber = rawConnectedTo(portB(), clientId("sub"));
            subscribe(subscriber, 1, PropertyBytes.subscriptionIdentifier(42), 1, topic, 1);
            ReceivedPacket delivery = subscriber.readUntil(ReceivedPacket.PUBLISH);
            assertThat(delivery.retain()).isTrue();
            assertThat(delivery.subscriptionIdentifiers()).containsExactly(42L);
        } finally {
            publishQos1(publisher, topic, 2, true, NONE, "");
        }
    }

    @Test
    @DisplayName("§3.8.2.1.2 a Subscription Identifier of 0 is a protocol error: DISCONNECT 0x82")
    void aSubscriptionIdentifierOfZeroIsAProtocolError() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("zero"));
        client.send(MqttPackets.subscribe(V5, 1,
                PropertyBytes.subscriptionIdentifier(0), 1, topic("t")));
        assertDisconnectedWith(client, 0x82);
    }

    @Test
    @DisplayName("§3.8.2.1.2 a Subscription Identifier sent twice in one SUBSCRIBE is a protocol error: DISCONNECT 0x82")
    void twoSubscriptionIdentifiersAreAProtocolError() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("twice"));
        byte[] properties = PropertyBytes.of(PropertyBytes.subscriptionIdentifier(1), PropertyBytes.subscriptionIdentifier(2));
        client.send(new MqttPacketWriter().u16(1).properties(properties).string(topic("t")).u8(1).packet(0x82));
        assertDisconnectedWith(client, 0x82);
    }
}
