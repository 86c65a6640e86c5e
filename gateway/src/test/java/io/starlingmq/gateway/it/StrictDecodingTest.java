package io.starlingmq.gateway.it;

import static io.starlingmq.testing.mqtt.MqttPackets.V311;
import static io.starlingmq.testing.mqtt.MqttPackets.V5;
import static io.starlingmq.testing.mqtt.MqttPackets.connectHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.starlingmq.gateway.support.LinkedGatewayTest;
import io.starlingmq.gateway.support.TestRouterResource;
import io.starlingmq.testing.mqtt.MqttPacketWriter;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.PropertyBytes;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Packets netty's codec would let through are refused at the gateway with the answer the specification
 * asks for; a bystander on the same gateway stays connected and served.
 */
@QuarkusTest
@QuarkusTestResource(TestRouterResource.class)
class StrictDecodingTest extends LinkedGatewayTest {

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);
    private static final int MALFORMED = 0x81;
    private static final int PROTOCOL_ERROR = 0x82;
    private static final int WILL = 0x04;
    private static final int WILL_QOS_1 = 0x08;
    private static final int WILL_QOS_3 = 0x18;
    private static final int WILL_RETAIN = 0x20;
    private static final int PASSWORD = 0x40;

    private RawMqttClient bystander;

    @BeforeEach
    void connectBystander() throws IOException {
        await().atMost(Duration.ofSeconds(20)).until(links::allUp);
        bystander = RawMqttClient.connected(port, V5, "strict-bystander-" + System.nanoTime());
    }

    @AfterEach
    void bystanderIsUntouched() throws IOException {
        assertThat(bystander.pingAnswered()).isTrue();
        bystander.close();
    }

    @Test
    @DisplayName("[MQTT-3.1.2-11] 5.0 Will QoS without the Will Flag: CONNACK 0x81, closed")
    void willQosWithoutWillFlag() throws IOException {
        assertConnackThenClose(connectHeader(V5, 0x02 | WILL_QOS_1).properties().string("wq5").packet(0x10),
                MALFORMED);
    }

    @Test
    @DisplayName("[MQTT-3.1.2-12] Will QoS 3: 5.0 CONNACK 0x81, 3.1.1 closed without CONNACK")
    void willQos3() throws IOException {
        assertConnackThenClose(connectHeader(V5, 0x02 | WILL | WILL_QOS_3).properties().string("wq3-5")
                .properties().string("w").string("p").packet(0x10), MALFORMED);
        assertClosedWithoutAnswer(connectHeader(V311, 0x02 | WILL | WILL_QOS_3).string("wq3-311").string("w")
                .string("p").packet(0x10));
    }

    @Test
    @DisplayName("[MQTT-3.1.2-13] Will Retain without the Will Flag: CONNACK 0x81, closed")
    void willRetainWithoutWillFlag() throws IOException {
        assertConnackThenClose(connectHeader(V5, 0x02 | WILL_RETAIN).properties().string("wr5").packet(0x10),
                MALFORMED);
    }

    @Test
    @DisplayName("[MQTT-1.5.4-1] a client id with an encoded surrogate or ill-formed UTF-8 is refused")
    void illFormedClientId() throws IOException {
        assertConnackThenClose(connectHeader(V5, 0x02).properties().binary(MqttPacketWriter.ENCODED_SURROGATE)
                .packet(0x10), MALFORMED);
        assertClosedWithoutAnswer(connectHeader(V311, 0x02).binary(MqttPacketWriter.STRAY_CONTINUATION).packet(0x10));
    }

    @Test
    @DisplayName("5.0 §3.1.2.11.2: Session Expiry Interval twice is CONNACK 0x82")
    void sessionExpiryTwice() throws IOException {
        assertConnackThenClose(connectHeader(V5, 0x02).properties(PropertyBytes.sessionExpiry(10),
                PropertyBytes.sessionExpiry(20)).string("se2").packet(0x10), PROTOCOL_ERROR);
    }

    @Test
    @DisplayName("5.0 §3.1.2.11: Request Problem/Response Information 2, Receive Maximum 0, Maximum Packet Size 0 are CONNACK 0x82")
    void connectPropertiesOutOfRange() throws IOException {
        for (byte[] property : new byte[][] {PropertyBytes.requestProblemInformation(2),
                PropertyBytes.requestResponseInformation(2), PropertyBytes.receiveMaximum(0), PropertyBytes.maximumPacketSize(0)}) {
            assertConnackThenClose(connectHeader(V5, 0x02).properties(property).string("range").packet(0x10),
                    PROTOCOL_ERROR);
        }
    }

    @Test
    @DisplayName("[MQTT-1.5.4-1] 5.0 will topic, user property or content type with ill-formed UTF-8: CONNACK 0x81")
    void illFormedConnectStrings() throws IOException {
        assertConnackThenClose(connectHeader(V5, 0x02 | WILL).properties().string("wt").properties()
                .binary(MqttPacketWriter.ENCODED_SURROGATE).string("p").packet(0x10), MALFORMED);
        assertConnackThenClose(connectHeader(V5, 0x02).properties(PropertyBytes.userProperty("k".getBytes(),
                new byte[] {'v', 0x00})).string("up").packet(0x10), MALFORMED);
        assertConnackThenClose(connectHeader(V5, 0x02 | WILL).properties().string("ct")
                .properties(PropertyBytes.stringProperty(0x03, MqttPacketWriter.STRAY_CONTINUATION)).string("w").string("p")
                .packet(0x10), MALFORMED);
    }

    @Test
    @DisplayName("[MQTT-3.1.2-22] 3.1.1 password without user name: closed without CONNACK")
    void passwordWithoutUserName311() throws IOException {
        assertClosedWithoutAnswer(connectHeader(V311, 0x02 | PASSWORD).string("pw311").string("secret")
                .packet(0x10));
    }

    @Test
    @DisplayName("[MQTT-1.5.4-1] PUBLISH topic with an encoded surrogate: DISCONNECT 0x81; 3.1.1 closed")
    void publishTopicWithSurrogate() throws IOException {
        assertDisconnect(V5, "pub-surrogate", new MqttPacketWriter().binary(MqttPacketWriter.ENCODED_SURROGATE).properties()
                .packet(0x30), MALFORMED);
        try (RawMqttClient bad = RawMqttClient.connected(port, V311, "pub-surrogate-311")) {
            bad.send(new MqttPacketWriter().binary(MqttPacketWriter.ENCODED_SURROGATE).u16(1).packet(0x32));
            assertThat(bad.closedWithin(CLOSE_WAIT)).isTrue();
        }
    }

    @Test
    @DisplayName("[MQTT-1.5.4-2] PUBLISH topic with U+0000: DISCONNECT 0x81")
    void publishTopicWithNullCharacter() throws IOException {
        assertDisconnect(V5, "pub-null", new MqttPacketWriter().binary(new byte[] {'a', 0x00}).properties()
                .packet(0x30), MALFORMED);
    }

    @Test
    @DisplayName("[MQTT-1.5.4-1] SUBSCRIBE filter with ill-formed UTF-8: DISCONNECT 0x81")
    void subscribeFilterIllFormed() throws IOException {
        assertDisconnect(V5, "sub-utf8", new MqttPacketWriter().u16(1).properties().binary(MqttPacketWriter.STRAY_CONTINUATION)
                .u8(0).packet(0x82), MALFORMED);
    }

    @Test
    @DisplayName("[MQTT-3.8.3-5] SUBSCRIBE with reserved option bits 6-7: DISCONNECT 0x81")
    void subscribeReservedOptionBits() throws IOException {
        assertDisconnect(V5, "sub-reserved", MqttPackets.subscribe5(1, new byte[0], "a/b", 0xC1), MALFORMED);
    }

    @Test
    @DisplayName("5.0 §3.8.3.1: SUBSCRIBE with Retain Handling 3: DISCONNECT 0x82")
    void subscribeRetainHandling3() throws IOException {
        assertDisconnect(V5, "sub-rh3", MqttPackets.subscribe5(1, new byte[0], "a/b", 0x30), PROTOCOL_ERROR);
    }

    @Test
    @DisplayName("a topic length past the Remaining Length: DISCONNECT 0x81 at once, the next packet not swallowed")
    void fieldPastRemainingLength() throws IOException {
        byte[] shortPublish = new MqttPacketWriter().u16(40).bytes("abc".getBytes()).packet(0x30);
        byte[] both = new byte[shortPublish.length + 2];
        System.arraycopy(shortPublish, 0, both, 0, shortPublish.length);
        System.arraycopy(MqttPackets.pingreq(), 0, both, shortPublish.length, 2);
        assertDisconnect(V5, "past-length", both, MALFORMED);
    }

    @Test
    @DisplayName("a property sent twice in PUBLISH: DISCONNECT 0x82")
    void publishPropertyTwice() throws IOException {
        assertDisconnect(V5, "pub-twice", MqttPackets.publish5("t", 0, 0, PropertyBytes.of(
                PropertyBytes.payloadFormatIndicator(0), PropertyBytes.payloadFormatIndicator(1)), new byte[0]),
                PROTOCOL_ERROR);
    }

    @Test
    @DisplayName("[MQTT-3.3.4-6] PUBLISH with a Subscription Identifier from a client: DISCONNECT 0x82")
    void publishWithSubscriptionIdentifier() throws IOException {
        assertDisconnect(V5, "pub-subid", MqttPackets.publish5("t", 0, 0, PropertyBytes.subscriptionIdentifier(3),
                new byte[0]), PROTOCOL_ERROR);
    }

    private void assertConnackThenClose(byte[] connect, int reasonCode) throws IOException {
        try (RawMqttClient bad = RawMqttClient.open(port)) {
            bad.send(connect);
            ReceivedPacket connack = bad.read();
            assertThat(connack.type()).isEqualTo(ReceivedPacket.CONNACK);
            assertThat(connack.u8(1)).isEqualTo(reasonCode);
            assertThat(bad.closedWithin(CLOSE_WAIT)).isTrue();
        }
    }

    private void assertClosedWithoutAnswer(byte[] connect) throws IOException {
        try (RawMqttClient bad = RawMqttClient.open(port)) {
            bad.send(connect);
            assertThatThrownBy(bad::read).isInstanceOfAny(EOFException.class, SocketException.class);
        }
    }

    private void assertDisconnect(int version, String clientId, byte[] packet, int reasonCode) throws IOException {
        try (RawMqttClient bad = RawMqttClient.connected(port, version, clientId)) {
            bad.send(packet);
            ReceivedPacket disconnect = bad.read();
            assertThat(disconnect.type()).isEqualTo(ReceivedPacket.DISCONNECT);
            assertThat(disconnect.disconnectReasonCode()).isEqualTo(reasonCode);
            assertThat(bad.closedWithin(CLOSE_WAIT)).isTrue();
        }
    }
}
