package io.starlingmq.gateway.it;

import static io.starlingmq.testing.mqtt.MqttPackets.V311;
import static io.starlingmq.testing.mqtt.MqttPackets.V5;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.starlingmq.contract.link.v1.Deliver;
import io.starlingmq.contract.link.v1.SessionClose;
import io.starlingmq.contract.link.v1.SessionOpen;
import io.starlingmq.contract.link.v1.SharedDelivery;
import io.starlingmq.gateway.support.LinkedGatewayTest;
import io.starlingmq.gateway.support.RouterEvents;
import io.starlingmq.gateway.support.TestRouterResource;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.PropertyBytes;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The client facts in SessionOpen, and why a connection ended and what it left behind in SessionClose. */
@QuarkusTest
@QuarkusTestResource(TestRouterResource.class)
class SessionEventsTest extends LinkedGatewayTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private SessionOpen sessionOpenOf(String clientId) {
        return router.events(e -> e.hasSessionOpen() && e.getSessionOpen().getClientId().equals(clientId))
                .get(0).getSessionOpen();
    }

    private SessionClose sessionCloseOf(String clientId) {
        long connectionId = router.connectionIdOf(clientId);
        await().atMost(WAIT).until(() -> router.sessionCloses(connectionId) == 1);
        return router.events(e -> e.hasSessionClose() && e.getSessionClose().getConnectionId() == connectionId)
                .get(0).getSessionClose();
    }

    @Test
    void sessionOpenCarriesUsernamePeerAddressAndKeepAlive() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V311, connectWithUsername("with-user", "alice", 45))) {
            SessionOpen open = sessionOpenOf("with-user");
            assertThat(open.getUsername()).isEqualTo("alice");
            assertThat(open.getPeerAddress()).matches("127\\.0\\.0\\.1:\\d+");
            assertThat(open.getKeepAlive()).isEqualTo(45);
        }
        try (RawMqttClient client = RawMqttClient.connected(port, V311, "without-user")) {
            assertThat(sessionOpenOf("without-user").getUsername()).isEmpty();
        }
    }

    @Test
    void aDisconnectEndsNormally() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "ends-normal")) {
            client.send(MqttPackets.disconnect());
            assertThat(client.closedWithin(WAIT)).isTrue();
        }
        assertThat(sessionCloseOf("ends-normal").getReason()).isEqualTo("normal");
    }

    @Test
    void aTakeoverKickAndAnyOtherKickAreTold() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "taken-over")) {
            router.send(RouterEvents.kick(router.connectionIdOf("taken-over"), 0x8E));
            assertThat(client.closedWithin(WAIT)).isTrue();
        }
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "kicked-out")) {
            router.send(RouterEvents.kick(router.connectionIdOf("kicked-out"), 0x98));
            ReceivedPacket disconnect = client.read();
            assertThat(disconnect.disconnectReasonCode()).isEqualTo(0x98);
        }
        assertThat(sessionCloseOf("taken-over").getReason()).isEqualTo("takenover");
        assertThat(sessionCloseOf("kicked-out").getReason()).isEqualTo("kicked");
    }

    @Test
    void aKeepAliveTimeoutAProtocolErrorAndALostSocketAreTold() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V311, MqttPackets.connect(V311, "dozing", 1, true))) {
            assertThat(client.closedWithin(WAIT)).isTrue();
        }
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "erring-client")) {
            client.send(MqttPackets.publish5("a", 0, 0, PropertyBytes.topicAlias(0), new byte[0]));
            assertThat(client.closedWithin(WAIT)).isTrue();
        }
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "vanished")) {
            assertThat(client.pingAnswered()).isTrue();
        }
        assertThat(sessionCloseOf("dozing").getReason()).isEqualTo("keepalive_timeout");
        assertThat(sessionCloseOf("erring-client").getReason()).isEqualTo("protocol_error");
        assertThat(sessionCloseOf("vanished").getReason()).isEqualTo("closed");
    }

    @Test
    void aCleanSessionReturnsItsUnacknowledgedSharedDeliveries() throws IOException {
        byte[] connect = MqttPackets.connect(V5, "shared-member", 0, true, PropertyBytes.receiveMaximum(2));
        try (RawMqttClient client = RawMqttClient.connected(port, V5, connect)) {
            long connectionId = router.connectionIdOf("shared-member");
            router.send(RouterEvents.of(shared(connectionId, "job/acked", 1)));
            router.send(RouterEvents.of(shared(connectionId, "job/unacked", 1)));
            router.send(RouterEvents.of(shared(connectionId, "job/queued", 2)));
            router.send(RouterEvents.of(RouterEvents.deliver(connectionId, "not/shared", 1, 0)));
            ReceivedPacket first = client.read();
            client.read();
            client.send(MqttPackets.puback(first.publishPacketId()));
            // The freed slot goes to the queued QoS 2 delivery; PUBREC would settle it, but none is sent.
            assertThat(client.read().type()).isEqualTo(ReceivedPacket.PUBLISH);
        }
        SessionClose close = sessionCloseOf("shared-member");
        assertThat(close.getUnacknowledgedList()).extracting(d -> d.getMessage().getTopic(),
                SharedDelivery::getSharedSubscription, SharedDelivery::getQos)
                .containsExactlyInAnyOrder(
                        tuple("job/unacked", "$share/g/job/#", 1),
                        tuple("job/queued", "$share/g/job/#", 2));
    }

    @Test
    void aPersistentSessionReturnsNoSharedDeliveries() throws IOException {
        byte[] connect = MqttPackets.connect(V5, "persistent-member", 0, false, PropertyBytes.sessionExpiry(60));
        try (RawMqttClient client = RawMqttClient.connected(port, V5, connect)) {
            router.send(RouterEvents.of(shared(router.connectionIdOf("persistent-member"), "job/stored", 1)
                    .setPacketId(5)));
            assertThat(client.read().type()).isEqualTo(ReceivedPacket.PUBLISH);
        }
        assertThat(sessionCloseOf("persistent-member").getUnacknowledgedList()).isEmpty();
    }

    private static Deliver.Builder shared(long connectionId, String topic, int qos) {
        return RouterEvents.deliver(connectionId, topic, qos, 0).setSharedSubscription("$share/g/job/#");
    }

    /** A 3.1.1 CONNECT with a username and no password. */
    private static byte[] connectWithUsername(String clientId, String username, int keepAlive) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, "MQTT");
        body.write(MqttPackets.V311);
        body.write(0x80 | 0x02);
        body.write(keepAlive >> 8);
        body.write(keepAlive & 0xFF);
        writeString(body, clientId);
        writeString(body, username);
        return MqttPackets.packet(0x10, body.toByteArray());
    }

    private static void writeString(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xFF);
        out.writeBytes(bytes);
    }
}
