package io.starlingmq.gateway.it;

import static io.starlingmq.testing.mqtt.MqttPackets.V5;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.starlingmq.contract.link.v1.AckKind;
import io.starlingmq.contract.link.v1.Deliver;
import io.starlingmq.contract.link.v1.GatewayEvent;
import io.starlingmq.contract.link.v1.Message;
import io.starlingmq.contract.link.v1.RouterEvent;
import io.starlingmq.gateway.support.LinkedGatewayTest;
import io.starlingmq.gateway.support.TestRouterResource;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.PropertyBytes;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** QoS 2 packet flows in both directions, for clean sessions (gateway-owned) and persistent ones (store-owned). */
@QuarkusTest
@QuarkusTestResource(TestRouterResource.class)
class QosTwoFlowTest extends LinkedGatewayTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final byte[] PAYLOAD = "x".getBytes(StandardCharsets.UTF_8);

    @Test
    void pubrecIsSentOnlyAfterPublishDone() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "hold-qos2")) {
            client.send(MqttPackets.publish(V5, "meters/1", 2, 42, PAYLOAD));
            await().atMost(WAIT).until(() -> !publishesOf("hold-qos2").isEmpty());
            // Replies leave in order, so a premature PUBREC would arrive before this PINGRESP.
            client.send(MqttPackets.pingreq());
            assertThat(client.read().type()).isEqualTo(ReceivedPacket.PINGRESP);

            router.releasePublishDone("hold-qos2", 42);

            ReceivedPacket pubrec = client.read();
            assertThat(pubrec.type()).isEqualTo(ReceivedPacket.PUBREC);
            assertThat(pubrec.u16(0)).isEqualTo(42);
            assertThat(publishesOf("hold-qos2").getFirst().getPublish().getMessage().getQos()).isEqualTo(2);
        }
    }

    @Test
    void aDupResendBeforePubrelIsAnsweredWithPubrecButNotForwardedAgain() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "qos2-dup")) {
            client.send(MqttPackets.publish(V5, "meters/2", 2, 9, PAYLOAD));
            assertThat(client.read().type()).isEqualTo(ReceivedPacket.PUBREC);

            client.send(MqttPackets.publishDup(V5, "meters/2", 2, 9, PAYLOAD));
            ReceivedPacket again = client.read();

            assertThat(again.type()).isEqualTo(ReceivedPacket.PUBREC);
            assertThat(again.u16(0)).isEqualTo(9);
            assertThat(publishesOf("qos2-dup")).hasSize(1);
        }
    }

    @Test
    void pubrelOfACleanSessionIsAnsweredWithPubcompAndAnUnknownIdWith0x92() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "qos2-rel")) {
            client.send(MqttPackets.publish(V5, "meters/3", 2, 11, PAYLOAD));
            assertThat(client.read().type()).isEqualTo(ReceivedPacket.PUBREC);

            client.send(MqttPackets.pubrel(11));
            ReceivedPacket pubcomp = client.read();
            client.send(MqttPackets.pubrel(11));
            ReceivedPacket unknown = client.read();

            assertThat(pubcomp.type()).isEqualTo(ReceivedPacket.PUBCOMP);
            assertThat(pubcomp.u16(0)).isEqualTo(11);
            assertThat(pubcomp.ackReasonCode()).isZero();
            assertThat(unknown.type()).isEqualTo(ReceivedPacket.PUBCOMP);
            assertThat(unknown.ackReasonCode()).isEqualTo(0x92);
            assertThat(router.events(GatewayEvent::hasPublishRelease)).noneMatch(
                    e -> e.getPublishRelease().getClientId().equals("qos2-rel"));
        }
    }

    @Test
    void pubrelOfAPersistentSessionGoesThroughTheRouterBeforePubcomp() throws IOException {
        byte[] connect = MqttPackets.connect(V5, "qos2-durable", 0, true, PropertyBytes.sessionExpiry(3600));
        try (RawMqttClient client = RawMqttClient.connected(port, V5, connect)) {
            client.send(MqttPackets.publish(V5, "meters/4", 2, 12, PAYLOAD));
            assertThat(client.read().type()).isEqualTo(ReceivedPacket.PUBREC);

            client.send(MqttPackets.pubrel(12));
            ReceivedPacket pubcomp = client.read();
            client.send(MqttPackets.pubrel(12));
            ReceivedPacket unknown = client.read();

            assertThat(pubcomp.type()).isEqualTo(ReceivedPacket.PUBCOMP);
            assertThat(pubcomp.ackReasonCode()).isZero();
            assertThat(unknown.ackReasonCode()).as("the router found no such packet id").isEqualTo(0x92);
            assertThat(router.events(e -> e.hasPublishRelease()
                    && e.getPublishRelease().getClientId().equals("qos2-durable"))).hasSize(2);
        }
    }

    @Test
    void aCleanSessionsQos2DeliveryGoesPublishPubrecPubrelPubcompInTheGateway() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "qos2-clean-sub")) {
            long connectionId = router.connectionIdOf("qos2-clean-sub");
            router.send(deliver(connectionId, 2, 0, false));
            ReceivedPacket publish = client.read();
            assertThat(publish.type()).isEqualTo(ReceivedPacket.PUBLISH);
            assertThat(publish.qos()).isEqualTo(2);
            int packetId = publish.publishPacketId();

            client.send(MqttPackets.pubrec(packetId));
            ReceivedPacket pubrel = client.read();
            assertThat(pubrel.type()).isEqualTo(ReceivedPacket.PUBREL);
            assertThat(pubrel.firstByte() & 0x0F).as("PUBREL flags").isEqualTo(0x02);
            assertThat(pubrel.u16(0)).isEqualTo(packetId);
            client.send(MqttPackets.pubcomp(packetId));

            assertThat(client.pingAnswered()).isTrue();
            assertThat(deliveryAcks(connectionId)).as("a clean session's window is the gateway's").isEmpty();
        }
    }

    @Test
    void aPersistentSessionsPubrelWaitsForTheStoreAndItsAcksGoToTheRouter() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "qos2-durable-sub")) {
            long connectionId = router.connectionIdOf("qos2-durable-sub");
            router.send(deliver(connectionId, 2, 300, false));
            ReceivedPacket publish = client.read();
            assertThat(publish.qos()).isEqualTo(2);
            assertThat(publish.publishPacketId()).isEqualTo(300);

            client.send(MqttPackets.pubrec(300));
            await().atMost(WAIT).until(() -> deliveryAcks(connectionId).size() == 1);
            assertThat(client.pingAnswered()).as("no PUBREL before the router says so").isTrue();

            router.send(deliver(connectionId, 2, 300, true));
            ReceivedPacket pubrel = client.read();
            assertThat(pubrel.type()).isEqualTo(ReceivedPacket.PUBREL);
            assertThat(pubrel.u16(0)).isEqualTo(300);
            client.send(MqttPackets.pubcomp(300));

            await().atMost(WAIT).until(() -> deliveryAcks(connectionId).size() == 2);
            assertThat(deliveryAcks(connectionId)).extracting(e -> e.getDeliveryAck().getKind())
                    .containsExactly(AckKind.PUBREC, AckKind.PUBCOMP);
            assertThat(deliveryAcks(connectionId)).allMatch(e -> e.getDeliveryAck().getPacketId() == 300);
        }
    }

    private List<GatewayEvent> publishesOf(String clientId) {
        return router.events(e -> e.hasPublish() && e.getPublish().getClientId().equals(clientId));
    }

    private List<GatewayEvent> deliveryAcks(long connectionId) {
        return router.events(e -> e.hasDeliveryAck() && e.getDeliveryAck().getConnectionId() == connectionId);
    }

    private static RouterEvent deliver(long connectionId, int qos, int packetId, boolean release) {
        Deliver.Builder deliver = Deliver.newBuilder().setConnectionId(connectionId).setQos(qos)
                .setPacketId(packetId).setRelease(release);
        if (!release) {
            deliver.setMessage(Message.newBuilder().setTopic("bills/1").setQos(qos)
                    .setPayload(ByteString.copyFrom(PAYLOAD)));
        }
        return RouterEvent.newBuilder().setDeliver(deliver).build();
    }
}
