package io.starlingmq.gateway.it;

import static io.starlingmq.testing.mqtt.MqttPackets.V5;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.starlingmq.contract.link.v1.AckKind;
import io.starlingmq.contract.link.v1.Deliver;
import io.starlingmq.contract.link.v1.DeliveryAck;
import io.starlingmq.contract.link.v1.GatewayEvent;
import io.starlingmq.gateway.support.LinkedGatewayTest;
import io.starlingmq.gateway.support.RouterEvents;
import io.starlingmq.gateway.support.TestRouterResource;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.PropertyBytes;
import io.starlingmq.testing.mqtt.PublishView;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How a router's Deliver becomes the PUBLISH a client reads: properties, expiry, aliases, size. */
@QuarkusTest
@QuarkusTestResource(TestRouterResource.class)
class DeliveryPropertiesTest extends LinkedGatewayTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private ReceivedPacket readPublish(RawMqttClient client) throws IOException {
        ReceivedPacket packet = client.read();
        assertThat(packet.type()).isEqualTo(ReceivedPacket.PUBLISH);
        return packet;
    }

    /** The gateway answers in order: a PINGRESP read first proves nothing was written before it. */
    private static void assertNothingWasSent(RawMqttClient client) throws IOException {
        client.send(MqttPackets.pingreq());
        assertThat(client.read().type()).isEqualTo(ReceivedPacket.PINGRESP);
    }

    private List<DeliveryAck> deliveryAcks(long connectionId) {
        return router.events(e -> e.hasDeliveryAck() && e.getDeliveryAck().getConnectionId() == connectionId)
                .stream().map(GatewayEvent::getDeliveryAck).toList();
    }

    @Test
    void subscriptionIdentifiersAndRetainTravelWithTheDelivery() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "subids")) {
            long connectionId = router.connectionIdOf("subids");
            router.send(RouterEvents.of(RouterEvents.deliver(connectionId, "s/1", 0, 0)
                    .addSubscriptionIdentifiers(3).addSubscriptionIdentifiers(70_000).setRetained(true)));
            ReceivedPacket packet = readPublish(client);
            assertThat(packet.retain()).isTrue();
            assertThat(PublishView.of(packet).property(PropertyBytes.SUBSCRIPTION_IDENTIFIER))
                    .containsExactlyInAnyOrder(3, 70_000);
        }
    }

    @Test
    void theExpiryIntervalSentIsWhatRemainsOfTheMessagesLife() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "expiring")) {
            long connectionId = router.connectionIdOf("expiring");
            long expiresAt = System.currentTimeMillis() + 30_000;
            Deliver.Builder deliver = RouterEvents.deliver(connectionId, "e/1", 0, 0);
            deliver.getMessageBuilder().setExpiresAtMs(expiresAt);
            router.send(RouterEvents.of(deliver));
            long remaining = (Long) PublishView.of(readPublish(client))
                    .property(PropertyBytes.MESSAGE_EXPIRY_INTERVAL).get(0);
            // Whole seconds rounded up: never more than the 30 s it had when sent, and not 0.
            assertThat(remaining).isBetween(1L, 30L);
        }
    }

    @Test
    void anExpiredStoreNumberedDeliveryIsNotSentAndIsReportedAcknowledged() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "expired-stored")) {
            long connectionId = router.connectionIdOf("expired-stored");
            Deliver.Builder qos1 = RouterEvents.deliver(connectionId, "e/1", 1, 11);
            qos1.getMessageBuilder().setExpiresAtMs(System.currentTimeMillis() - 1);
            Deliver.Builder qos2 = RouterEvents.deliver(connectionId, "e/2", 2, 12);
            qos2.getMessageBuilder().setExpiresAtMs(1);
            router.send(RouterEvents.of(qos1));
            router.send(RouterEvents.of(qos2));
            assertNothingWasSent(client);
            await().atMost(WAIT).until(() -> deliveryAcks(connectionId).size() == 2);
            assertThat(deliveryAcks(connectionId)).extracting(DeliveryAck::getPacketId, DeliveryAck::getKind)
                    .containsExactly(tuple(11, AckKind.PUBACK),
                            tuple(12, AckKind.PUBCOMP));
        }
    }

    @Test
    void anExpiredCleanDeliveryTakesNoWindowSlot() throws IOException {
        byte[] connect = MqttPackets.connect(V5, "expired-clean", 0, true, PropertyBytes.receiveMaximum(1));
        try (RawMqttClient client = RawMqttClient.connected(port, V5, connect)) {
            long connectionId = router.connectionIdOf("expired-clean");
            Deliver.Builder expired = RouterEvents.deliver(connectionId, "e/old", 1, 0);
            expired.getMessageBuilder().setExpiresAtMs(1);
            router.send(RouterEvents.of(expired));
            router.send(RouterEvents.of(RouterEvents.deliver(connectionId, "e/new", 1, 0)));
            assertThat(PublishView.of(readPublish(client)).topic()).isEqualTo("e/new");
        }
    }

    @Test
    @DisplayName("[MQTT-3.1.2-25] a PUBLISH above the client's Maximum Packet Size is not sent and counts as delivered")
    void deliveriesLargerThanTheClientAcceptsAreNotSent() throws IOException {
        byte[] properties = PropertyBytes.of(PropertyBytes.maximumPacketSize(64), PropertyBytes.receiveMaximum(1));
        try (RawMqttClient client = RawMqttClient.connected(port, V5,
                MqttPackets.connect(V5, "small-client", 0, true, properties))) {
            long connectionId = router.connectionIdOf("small-client");
            ByteString big = ByteString.copyFrom(new byte[100]);
            Deliver.Builder cleanBig = RouterEvents.deliver(connectionId, "big/clean", 1, 0);
            cleanBig.getMessageBuilder().setPayload(big);
            Deliver.Builder storedBig = RouterEvents.deliver(connectionId, "big/stored", 2, 21);
            storedBig.getMessageBuilder().setPayload(big);
            router.send(RouterEvents.of(cleanBig));
            router.send(RouterEvents.of(storedBig));
            router.send(RouterEvents.of(RouterEvents.deliver(connectionId, "small", 1, 0)));

            assertThat(PublishView.of(readPublish(client)).topic()).isEqualTo("small");
            await().atMost(WAIT).until(() -> deliveryAcks(connectionId).size() == 1);
            assertThat(deliveryAcks(connectionId).get(0).getKind()).isEqualTo(AckKind.PUBCOMP);
            assertThat(deliveryAcks(connectionId).get(0).getPacketId()).isEqualTo(21);
        }
    }

    @Test
    @DisplayName("[MQTT-3.3.2-9] outbound aliases: topic and alias first, then the alias alone, within the client's maximum")
    void repeatedTopicsAreSentAsAliasesWithinTheClientsMaximum() throws IOException {
        byte[] connect = MqttPackets.connect(V5, "alias-reader", 0, true, PropertyBytes.topicAliasMaximum(2));
        try (RawMqttClient client = RawMqttClient.connected(port, V5, connect)) {
            long connectionId = router.connectionIdOf("alias-reader");
            for (String topic : new String[] {"x/1", "x/1", "x/2", "x/3"}) {
                router.send(RouterEvents.of(RouterEvents.deliver(connectionId, topic, 0, 0)));
            }
            PublishView first = PublishView.of(readPublish(client));
            PublishView second = PublishView.of(readPublish(client));
            PublishView third = PublishView.of(readPublish(client));
            PublishView fourth = PublishView.of(readPublish(client));
            assertThat(first.topic()).isEqualTo("x/1");
            assertThat(second.topic()).isEmpty();
            assertThat(second.property(PropertyBytes.TOPIC_ALIAS)).isEqualTo(first.property(PropertyBytes.TOPIC_ALIAS));
            assertThat(third.topic()).isEqualTo("x/2");
            assertThat(fourth.topic()).isEqualTo("x/3");
            for (PublishView publish : List.of(first, second, third, fourth)) {
                assertThat(publish.property(PropertyBytes.TOPIC_ALIAS)).hasSize(1)
                        .allSatisfy(alias -> assertThat((Integer) alias).isBetween(1, 2));
            }
        }
    }

    @Test
    void aClientThatAnnouncesNoTopicAliasMaximumGetsNoAliases() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "no-alias-reader")) {
            long connectionId = router.connectionIdOf("no-alias-reader");
            router.send(RouterEvents.of(RouterEvents.deliver(connectionId, "y/1", 0, 0)));
            router.send(RouterEvents.of(RouterEvents.deliver(connectionId, "y/1", 0, 0)));
            for (int i = 0; i < 2; i++) {
                PublishView publish = PublishView.of(readPublish(client));
                assertThat(publish.topic()).isEqualTo("y/1");
                assertThat(publish.property(PropertyBytes.TOPIC_ALIAS)).isEmpty();
            }
        }
    }
}
