package io.starlingmq.gateway.it;

import io.starlingmq.gateway.support.LinkedGatewayTest;
import static io.starlingmq.testing.mqtt.MqttPackets.V311;
import static io.starlingmq.testing.mqtt.MqttPackets.V5;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.starlingmq.gateway.support.TestRouterResource;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input ends only the offending connection; a bystander stays connected and served. */
@QuarkusTest
@QuarkusTestResource(TestRouterResource.class)
class BadInputTest extends LinkedGatewayTest {

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private RawMqttClient bystander;

    @BeforeEach
    void connectBystander() throws IOException {
        await().atMost(Duration.ofSeconds(20)).until(links::allUp);
        bystander = RawMqttClient.connected(port, V5, "bystander-" + System.nanoTime());
    }

    @AfterEach
    void bystanderIsUntouched() throws IOException {
        assertThat(bystander.pingAnswered()).isTrue();
        bystander.close();
    }

    @Test
    void garbageBeforeConnectClosesTheConnection() throws IOException {
        try (RawMqttClient bad = RawMqttClient.open(port)) {
            bad.send(new byte[] {0x00, 0x7F, 0x13, 0x37, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F});
            assertThat(bad.closedWithin(CLOSE_WAIT)).isTrue();
        }
    }

    @Test
    void garbageAfterConnectEndsAMqtt5ConnectionWithMalformedPacket() throws IOException {
        try (RawMqttClient bad = RawMqttClient.connected(port, V5, "garbage5")) {
            bad.send(new byte[] {0x00, 0x00});
            ReceivedPacket disconnect = bad.read();
            assertThat(disconnect.type()).isEqualTo(ReceivedPacket.DISCONNECT);
            assertThat(disconnect.disconnectReasonCode()).isEqualTo(0x81);
            assertThat(bad.closedWithin(CLOSE_WAIT)).isTrue();
        }
    }

    @Test
    void remainingLengthOverTheLimitEndsAMqtt5ConnectionWithPacketTooLarge() throws IOException {
        try (RawMqttClient bad = RawMqttClient.connected(port, V5, "toolarge5")) {
            bad.send(MqttPackets.publishHeaderClaiming(TestRouterResource.MAX_PACKET_SIZE * 4, "big"));
            ReceivedPacket disconnect = bad.read();
            assertThat(disconnect.type()).isEqualTo(ReceivedPacket.DISCONNECT);
            assertThat(disconnect.disconnectReasonCode()).isEqualTo(0x95);
            assertThat(bad.closedWithin(CLOSE_WAIT)).isTrue();
        }
    }

    @Test
    void remainingLengthOverTheLimitClosesAMqtt311Connection() throws IOException {
        try (RawMqttClient bad = RawMqttClient.connected(port, V311, "toolarge311")) {
            bad.send(MqttPackets.publishHeaderClaiming(TestRouterResource.MAX_PACKET_SIZE * 4, "big"));
            assertThat(bad.closedWithin(CLOSE_WAIT)).isTrue();
        }
    }

    @Test
    void aPacketBeforeConnectClosesTheConnection() throws IOException {
        try (RawMqttClient bad = RawMqttClient.open(port)) {
            bad.send(MqttPackets.pingreq());
            assertThat(bad.closedWithin(CLOSE_WAIT)).isTrue();
        }
    }

    @Test
    void noConnectWithinTheConnectTimeoutClosesTheConnection() throws IOException {
        try (RawMqttClient silent = RawMqttClient.open(port)) {
            assertThat(silent.closedWithin(CLOSE_WAIT)).isTrue();
        }
    }

    @Test
    void aSecondConnectEndsAMqtt5ConnectionWithProtocolError() throws IOException {
        try (RawMqttClient bad = RawMqttClient.connected(port, V5, "twice5")) {
            bad.send(MqttPackets.connect(V5, "twice5", 0, true));
            ReceivedPacket disconnect = bad.read();
            assertThat(disconnect.type()).isEqualTo(ReceivedPacket.DISCONNECT);
            assertThat(disconnect.disconnectReasonCode()).isEqualTo(0x82);
            assertThat(bad.closedWithin(CLOSE_WAIT)).isTrue();
        }
    }

    @Test
    void aSecondConnectClosesAMqtt311Connection() throws IOException {
        try (RawMqttClient bad = RawMqttClient.connected(port, V311, "twice311")) {
            bad.send(MqttPackets.connect(V311, "twice311", 0, true));
            assertThat(bad.closedWithin(CLOSE_WAIT)).isTrue();
        }
    }

    @Test
    void publishingToAWildcardTopicEndsAMqtt5ConnectionWithTopicNameInvalid() throws IOException {
        try (RawMqttClient bad = RawMqttClient.connected(port, V5, "wild5")) {
            bad.send(MqttPackets.publish(V5, "a/+/b", 0, 0, new byte[] {1}));
            ReceivedPacket disconnect = bad.read();
            assertThat(disconnect.type()).isEqualTo(ReceivedPacket.DISCONNECT);
            assertThat(disconnect.disconnectReasonCode()).isEqualTo(0x90);
            assertThat(bad.closedWithin(CLOSE_WAIT)).isTrue();
        }
    }

    @Test
    void publishingToAWildcardTopicClosesAMqtt311Connection() throws IOException {
        try (RawMqttClient bad = RawMqttClient.connected(port, V311, "wild311")) {
            bad.send(MqttPackets.publish(V311, "a/#", 1, 7, new byte[] {1}));
            assertThat(bad.closedWithin(CLOSE_WAIT)).isTrue();
        }
    }

    @Test
    void silencePastKeepAliveEndsAMqtt5ConnectionWithKeepAliveTimeout() throws IOException {
        try (RawMqttClient idle = RawMqttClient.connected(port, V5, MqttPackets.connect(V5, "idle5", 1, true))) {
            ReceivedPacket disconnect = idle.read();
            assertThat(disconnect.type()).isEqualTo(ReceivedPacket.DISCONNECT);
            assertThat(disconnect.disconnectReasonCode()).isEqualTo(0x8D);
            assertThat(idle.closedWithin(CLOSE_WAIT)).isTrue();
        }
    }

    @Test
    void silencePastKeepAliveClosesAMqtt311Connection() throws IOException {
        try (RawMqttClient idle = RawMqttClient.connected(port, V311, MqttPackets.connect(V311, "idle311", 1, true))) {
            assertThat(idle.closedWithin(CLOSE_WAIT)).isTrue();
        }
    }
}
