package io.starlingmq.gateway.it;

import static io.starlingmq.testing.mqtt.MqttPackets.V311;
import static io.starlingmq.testing.mqtt.MqttPackets.V5;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.starlingmq.contract.link.v1.GatewayEvent;
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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Inbound topic aliases, payload format and topic limits of a client's PUBLISH. */
@QuarkusTest
@QuarkusTestResource(TestRouterResource.class)
class InboundPublishRulesTest extends LinkedGatewayTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final byte[] NOT_UTF8 = {(byte) 0xC3, (byte) 0x28};

    private List<String> topicsPublishedBy(String clientId) {
        return router.events(e -> e.hasPublish() && e.getPublish().getClientId().equals(clientId)).stream()
                .map(GatewayEvent::getPublish).map(p -> p.getMessage().getTopic()).toList();
    }

    private static ReceivedPacket readDisconnect(RawMqttClient client) throws IOException {
        ReceivedPacket packet = client.read();
        assertThat(packet.type()).isEqualTo(ReceivedPacket.DISCONNECT);
        return packet;
    }

    @Test
    @DisplayName("[MQTT-3.3.2-12] [MQTT-3.3.2-13] a topic with an alias sets it; an empty topic with the alias uses it")
    void aliasesSetByTheClientResolveToTheirTopics() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "alias-writer")) {
            client.send(MqttPackets.publish5("plant/1/temp", 1, 1, PropertyBytes.topicAlias(3), new byte[] {1}));
            client.send(MqttPackets.publish5("", 1, 2, PropertyBytes.topicAlias(3), new byte[] {2}));
            client.send(MqttPackets.publish5("plant/2/temp", 1, 3, PropertyBytes.topicAlias(3), new byte[] {3}));
            client.send(MqttPackets.publish5("", 1, 4, PropertyBytes.topicAlias(3), new byte[] {4}));
            for (int i = 0; i < 4; i++) {
                assertThat(client.read().type()).isEqualTo(ReceivedPacket.PUBACK);
            }
            assertThat(topicsPublishedBy("alias-writer"))
                    .containsExactly("plant/1/temp", "plant/1/temp", "plant/2/temp", "plant/2/temp");
        }
    }

    @Test
    void theGatewayAnnouncesItsTopicAliasMaximumAndRefusesAliasesAboveIt() throws IOException {
        try (RawMqttClient client = RawMqttClient.open(port)) {
            client.send(MqttPackets.connect(V5, "alias-too-high", 0, true));
            ReceivedPacket connack = client.read();
            // Topic Alias Maximum property (0x22) with the default 16
            assertThat(connack.body()).containsSequence(0x22, 0x00, 16);
            client.send(MqttPackets.publish5("a", 0, 0, PropertyBytes.topicAlias(17), new byte[0]));
            assertThat(readDisconnect(client).disconnectReasonCode()).isEqualTo(0x94);
        }
    }

    @Test
    @DisplayName("[MQTT-3.3.2-8] Topic Alias 0 ends the connection with 0x94")
    void aliasZeroIsInvalid() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "alias-zero")) {
            client.send(MqttPackets.publish5("a", 0, 0, PropertyBytes.topicAlias(0), new byte[0]));
            assertThat(readDisconnect(client).disconnectReasonCode()).isEqualTo(0x94);
        }
    }

    @Test
    void anEmptyTopicWithAnAliasNeverSetIsAProtocolError() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "alias-unknown")) {
            client.send(MqttPackets.publish5("", 1, 1, PropertyBytes.topicAlias(5), new byte[0]));
            ReceivedPacket disconnect = readDisconnect(client);
            assertThat(disconnect.disconnectReasonCode()).isEqualTo(0x82);
            assertThat(new String(disconnect.body(), StandardCharsets.UTF_8)).contains("protocol error");
        }
        assertThat(topicsPublishedBy("alias-unknown")).isEmpty();
    }

    @Test
    @DisplayName("[MQTT-3.3.2-4] Payload Format Indicator 1 with a non-UTF-8 payload: PUBACK/PUBREC 0x99, QoS 0 dropped")
    void aPayloadThatIsNotTheUtf8ItClaimsIsRefused() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "bad-payload")) {
            client.send(MqttPackets.publish5("p/1", 1, 1, PropertyBytes.payloadFormatIndicator(1), NOT_UTF8));
            ReceivedPacket puback = client.read();
            assertThat(puback.type()).isEqualTo(ReceivedPacket.PUBACK);
            assertThat(puback.ackReasonCode()).isEqualTo(0x99);
            assertThat(new String(puback.body(), StandardCharsets.UTF_8)).contains("payload format invalid");

            client.send(MqttPackets.publish5("p/2", 2, 2, PropertyBytes.payloadFormatIndicator(1), NOT_UTF8));
            ReceivedPacket pubrec = client.read();
            assertThat(pubrec.type()).isEqualTo(ReceivedPacket.PUBREC);
            assertThat(pubrec.ackReasonCode()).isEqualTo(0x99);

            client.send(MqttPackets.publish5("p/3", 0, 0, PropertyBytes.payloadFormatIndicator(1), NOT_UTF8));
            assertThat(client.pingAnswered()).isTrue();
        }
        assertThat(topicsPublishedBy("bad-payload")).isEmpty();
    }

    @Test
    @DisplayName("[MQTT-3.1.2-29] with Request Problem Information 0 a PUBACK refusal carries no Reason String")
    void noReasonStringWhenTheClientAskedForNone() throws IOException {
        byte[] connect = MqttPackets.connect(V5, "quiet-client", 0, true, PropertyBytes.requestProblemInformation(0));
        try (RawMqttClient client = RawMqttClient.connected(port, V5, connect)) {
            client.send(MqttPackets.publish5("p/1", 1, 1, PropertyBytes.payloadFormatIndicator(1), NOT_UTF8));
            ReceivedPacket puback = client.read();
            assertThat(puback.ackReasonCode()).isEqualTo(0x99);
            // packet id, reason code, property length 0
            assertThat(puback.body()).hasSize(4);
            assertThat(puback.u8(3)).isZero();
        }
    }

    @Test
    void aTopicBeyondTheConfiguredLevelsIsRefusedPerMessageAtQos1AndEndsTheConnectionAtQos0() throws IOException {
        String deep = "a/".repeat(TestRouterResource.MAX_TOPIC_LEVELS) + "z";
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "deep-writer")) {
            client.send(MqttPackets.publish5(deep, 1, 1, new byte[0], new byte[0]));
            ReceivedPacket puback = client.read();
            assertThat(puback.ackReasonCode()).isEqualTo(0x90);
            client.send(MqttPackets.publish5("ok/topic", 1, 2, new byte[0], new byte[0]));
            assertThat(client.read().ackReasonCode()).isZero();

            client.send(MqttPackets.publish5(deep, 0, 0, new byte[0], new byte[0]));
            assertThat(readDisconnect(client).disconnectReasonCode()).isEqualTo(0x90);
        }
        assertThat(topicsPublishedBy("deep-writer")).containsExactly("ok/topic");
    }

    @Test
    void aMqtt311ClientPublishingBeyondTheLimitsIsDisconnected() throws IOException {
        String longTopic = "x".repeat(TestRouterResource.MAX_TOPIC_LENGTH + 1);
        try (RawMqttClient client = RawMqttClient.connected(port, V311, "long-writer")) {
            client.send(MqttPackets.publish(V311, longTopic, 1, 1, new byte[0]));
            assertThat(client.closedWithin(WAIT)).isTrue();
        }
        await().atMost(WAIT).until(() -> router.sessionCloses(router.connectionIdOf("long-writer")) == 1);
        assertThat(topicsPublishedBy("long-writer")).isEmpty();
    }
}
