package io.starlingmq.gateway.it;

import static io.starlingmq.testing.mqtt.MqttPackets.V311;
import static io.starlingmq.testing.mqtt.MqttPackets.V5;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.starlingmq.contract.link.v1.Deliver;
import io.starlingmq.contract.link.v1.GatewayEvent;
import io.starlingmq.contract.link.v1.Kick;
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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

/** What a connected client sees and what the router is told. */
@QuarkusTest
@QuarkusTestResource(TestRouterResource.class)
class SessionBehaviourTest extends LinkedGatewayTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void qos1PubackIsSentOnlyAfterPublishDone() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "hold-puback")) {
            client.send(MqttPackets.publish(V5, "sensors/1", 1, 42, "21.5".getBytes(StandardCharsets.UTF_8)));
            await().atMost(WAIT).until(() -> !router.events(e -> e.hasPublish()
                    && e.getPublish().getClientId().equals("hold-puback")).isEmpty());
            // The gateway answers in order, so a premature PUBACK would arrive before this PINGRESP.
            client.send(MqttPackets.pingreq());
            assertThat(client.read().type()).isEqualTo(ReceivedPacket.PINGRESP);

            router.releasePublishDone("hold-puback", 42);
            ReceivedPacket puback = client.read();
            assertThat(puback.type()).isEqualTo(ReceivedPacket.PUBACK);
            assertThat(puback.u16(0)).isEqualTo(42);
        }
    }

    @Test
    void publishReachesTheRouterWithTopicPayloadAndPublisher() throws MqttException {
        var client = new org.eclipse.paho.client.mqttv3.MqttClient("tcp://127.0.0.1:" + port, "paho-publisher",
                new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        client.connect(options);
        try {
            client.publish("plant/valve", "open".getBytes(StandardCharsets.UTF_8), 1, false);
            var publishes = router.events(e -> e.hasPublish() && e.getPublish().getClientId().equals("paho-publisher"));
            assertThat(publishes).hasSize(1);
            Message message = publishes.get(0).getPublish().getMessage();
            assertThat(message.getTopic()).isEqualTo("plant/valve");
            assertThat(message.getPayload().toStringUtf8()).isEqualTo("open");
            assertThat(message.getQos()).isEqualTo(1);
            assertThat(message.getPublisher()).isEqualTo("paho-publisher");
        } finally {
            client.disconnect();
            client.close();
        }
    }

    @Test
    void deliverWithoutPacketIdGetsAGatewayIdAndItsPubackIsNotForwarded() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "clean-sub")) {
            long connectionId = router.connectionIdOf("clean-sub");
            router.send(deliver(connectionId, "t/clean", 1, 0, false, false));
            ReceivedPacket publish = client.read();
            assertThat(publish.type()).isEqualTo(ReceivedPacket.PUBLISH);
            int gatewayId = publish.publishPacketId();
            assertThat(gatewayId).isPositive();
            client.send(MqttPackets.puback(gatewayId));

            // A store-assigned delivery acknowledged afterwards is forwarded; everything on the stream
            // is in order, so a forwarded ack for the first one would be seen before this one.
            router.send(deliver(connectionId, "t/stored", 1, 500, false, false));
            assertThat(client.read().publishPacketId()).isEqualTo(500);
            client.send(MqttPackets.puback(500));
            await().atMost(WAIT).until(() -> !deliveryAcks(connectionId).isEmpty());
            assertThat(deliveryAcks(connectionId)).extracting(e -> e.getDeliveryAck().getPacketId())
                    .containsExactly(500);
        }
    }

    @Test
    void storeAssignedDeliverIsSentAsIsAndItsPubackBecomesADeliveryAck() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V311, "stored-sub")) {
            long connectionId = router.connectionIdOf("stored-sub");
            router.send(deliver(connectionId, "t/again", 1, 7, true, true));
            ReceivedPacket publish = client.read();
            assertThat(publish.publishPacketId()).isEqualTo(7);
            assertThat(publish.dup()).isTrue();
            assertThat(publish.retain()).isTrue();
            assertThat(publish.qos()).isEqualTo(1);
            client.send(MqttPackets.puback(7));
            await().atMost(WAIT).until(() -> deliveryAcks(connectionId).size() == 1);
            GatewayEvent ack = deliveryAcks(connectionId).get(0);
            assertThat(ack.getDeliveryAck().getClientId()).isEqualTo("stored-sub");
            assertThat(ack.getDeliveryAck().getPacketId()).isEqualTo(7);
        }
    }

    @Test
    void outboundWindowHoldsDeliveriesBeyondTheClientsReceiveMaximum() throws IOException {
        byte[] connect = MqttPackets.connect(V5, "window-sub", 0, true, PropertyBytes.receiveMaximum(2));
        try (RawMqttClient client = RawMqttClient.connected(port, V5, connect)) {
            long connectionId = router.connectionIdOf("window-sub");
            for (int i = 0; i < 3; i++) {
                router.send(deliver(connectionId, "w/" + i, 1, 0, false, false));
            }
            ReceivedPacket first = client.read();
            ReceivedPacket second = client.read();
            assertThat(first.type()).isEqualTo(ReceivedPacket.PUBLISH);
            assertThat(second.type()).isEqualTo(ReceivedPacket.PUBLISH);
            // The third waits for a free slot: the next thing the client gets is the PINGRESP.
            client.send(MqttPackets.pingreq());
            assertThat(client.read().type()).isEqualTo(ReceivedPacket.PINGRESP);
            client.send(MqttPackets.puback(first.publishPacketId()));
            ReceivedPacket third = client.read();
            assertThat(third.type()).isEqualTo(ReceivedPacket.PUBLISH);
            assertThat(third.publishPacketId()).isNotIn(first.publishPacketId(), second.publishPacketId());
        }
    }

    @Test
    void subscribeForwardsValidFiltersAndRejectsInvalidOnesPerFilter() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "filters5")) {
            client.send(MqttPackets.subscribe(V5, 3, 1, "ok/+", "bad#", "also/#"));
            ReceivedPacket suback = client.read();
            assertThat(suback.type()).isEqualTo(ReceivedPacket.SUBACK);
            // packet id (2 bytes), property length (1 byte), properties (the refusal's Reason String), one code per filter
            int codes = 3 + suback.u8(2);
            assertThat(new int[] {suback.u8(codes), suback.u8(codes + 1), suback.u8(codes + 2)}).containsExactly(1, 0x8F, 1);
            var subscribes = router.events(e -> e.hasSubscribe() && e.getSubscribe().getClientId().equals("filters5"));
            assertThat(subscribes.get(0).getSubscribe().getSubscriptionsList())
                    .extracting(s -> s.getFilter()).containsExactly("ok/+", "also/#");
        }
    }

    @Test
    void invalidFilterGetsFailureCode0x80In311() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V311, "filters311")) {
            client.send(MqttPackets.subscribe(V311, 4, 0, "a/b+"));
            ReceivedPacket suback = client.read();
            assertThat(suback.u8(2)).isEqualTo(0x80);
        }
    }

    @Test
    void aWellBehavedClientReceivesWhatTheRouterDelivers() {
        Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier("hive-sub")
                .serverHost("127.0.0.1").serverPort(port).buildBlocking();
        client.connect();
        try (Mqtt5BlockingClient.Mqtt5Publishes publishes = client.publishes(
                com.hivemq.client.mqtt.MqttGlobalPublishFilter.ALL)) {
            assertThat(client.subscribeWith().topicFilter("rooms/+/temp").qos(MqttQos.AT_LEAST_ONCE).send()
                    .getReasonCodes()).hasSize(1);
            router.send(deliver(router.connectionIdOf("hive-sub"), "rooms/7/temp", 1, 0, false, false));
            Optional<Mqtt5Publish> received = publishes.receive(10, TimeUnit.SECONDS);
            assertThat(received).isPresent();
            assertThat(received.get().getTopic().toString()).isEqualTo("rooms/7/temp");
            assertThat(new String(received.get().getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            client.disconnect();
        }
    }

    @Test
    void kickEndsAMqtt5ConnectionWithSessionTakenOverAndSendsOneSessionClose() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "kicked5")) {
            long connectionId = router.connectionIdOf("kicked5");
            router.send(RouterEvent.newBuilder().setKick(Kick.newBuilder()
                    .setConnectionId(connectionId).setReasonCode(0x8E)).build());
            ReceivedPacket disconnect = client.read();
            assertThat(disconnect.type()).isEqualTo(ReceivedPacket.DISCONNECT);
            assertThat(disconnect.disconnectReasonCode()).isEqualTo(0x8E);
            assertExactlyOneSessionClose(connectionId, false);
        }
    }

    @Test
    void kickClosesAMqtt311Connection() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V311, "kicked311")) {
            long connectionId = router.connectionIdOf("kicked311");
            router.send(RouterEvent.newBuilder().setKick(Kick.newBuilder()
                    .setConnectionId(connectionId).setReasonCode(0x8E)).build());
            assertThat(client.closedWithin(WAIT)).isTrue();
            assertExactlyOneSessionClose(connectionId, false);
        }
    }

    @Test
    void disconnectSendsOneGracefulSessionClose() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V311, "leaving")) {
            long connectionId = router.connectionIdOf("leaving");
            client.send(MqttPackets.disconnect());
            assertThat(client.closedWithin(WAIT)).isTrue();
            assertExactlyOneSessionClose(connectionId, true);
        }
    }

    @Test
    void socketLossSendsOneSessionCloseThatIsNotGraceful() throws IOException {
        long connectionId;
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "vanishing")) {
            connectionId = router.connectionIdOf("vanishing");
        }
        assertExactlyOneSessionClose(connectionId, false);
    }

    @Test
    void keepAliveTimeoutSendsOneSessionClose() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V311, MqttPackets.connect(V311, "sleepy", 1, true))) {
            long connectionId = router.connectionIdOf("sleepy");
            assertThat(client.closedWithin(WAIT)).isTrue();
            assertExactlyOneSessionClose(connectionId, false);
        }
    }

    @Test
    void protocolErrorSendsOneSessionClose() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "erring")) {
            long connectionId = router.connectionIdOf("erring");
            client.send(MqttPackets.publish(V5, "", 0, 0, new byte[0]));
            assertThat(client.closedWithin(WAIT)).isTrue();
            assertExactlyOneSessionClose(connectionId, false);
        }
    }

    private void assertExactlyOneSessionClose(long connectionId, boolean graceful) {
        await().atMost(WAIT).until(() -> router.sessionCloses(connectionId) >= 1);
        // A second SessionClose would follow the first closely; give it time to show up.
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> router.sessionCloses(connectionId) == 1);
        GatewayEvent close = router.events(e -> e.hasSessionClose()
                && e.getSessionClose().getConnectionId() == connectionId).get(0);
        assertThat(close.getSessionClose().getGraceful()).isEqualTo(graceful);
    }

    private java.util.List<GatewayEvent> deliveryAcks(long connectionId) {
        return router.events(e -> e.hasDeliveryAck() && e.getDeliveryAck().getConnectionId() == connectionId);
    }

    private static RouterEvent deliver(long connectionId, String topic, int qos, int packetId, boolean dup,
            boolean retained) {
        return RouterEvent.newBuilder().setDeliver(Deliver.newBuilder()
                .setConnectionId(connectionId)
                .setMessage(Message.newBuilder().setTopic(topic).setQos(qos)
                        .setPayload(ByteString.copyFromUtf8("hello")))
                .setQos(qos)
                .setPacketId(packetId)
                .setDup(dup)
                .setRetained(retained)).build();
    }
}
