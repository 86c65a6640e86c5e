package io.starlingmq.gateway.codec;

import static io.starlingmq.testing.mqtt.MqttPackets.V311;
import static io.starlingmq.testing.mqtt.MqttPackets.V5;
import static io.starlingmq.testing.mqtt.MqttPackets.connectHeader;
import static org.assertj.core.api.Assertions.assertThat;

import io.starlingmq.testing.mqtt.MqttPacketWriter;
import io.starlingmq.testing.mqtt.PropertyBytes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConnectFrameRulesTest {

    private static final int MALFORMED = 0x81;
    private static final int PROTOCOL_ERROR = 0x82;
    private static final int WILL = 0x04;
    private static final int WILL_QOS_1 = 0x08;
    private static final int WILL_QOS_3 = 0x18;
    private static final int WILL_RETAIN = 0x20;
    private static final int PASSWORD = 0x40;
    private static final int USER_NAME = 0x80;

    @Test
    void aConnectWithWillUserNameAndPasswordPasses() {
        byte[] v5 = connectHeader(V5, 0x02 | WILL | WILL_QOS_1 | WILL_RETAIN | USER_NAME | PASSWORD)
                .properties(PropertyBytes.sessionExpiry(60), PropertyBytes.receiveMaximum(10))
                .string("client-ü").properties(new byte[] {0x18, 0, 0, 0, 5}).string("will/topic")
                .binary(new byte[] {(byte) 0xFF, 0x00}).string("user").binary(new byte[] {0x00})
                .packet(0x10);
        new FrameStage().assertPasses(v5);

        byte[] v311 = connectHeader(V311, 0x02 | WILL | USER_NAME | PASSWORD).string("c").string("w")
                .string("payload").string("user").string("secret").packet(0x10);
        new FrameStage().assertPasses(v311);
    }

    @Test
    @DisplayName("[MQTT-3.1.2-11] Will QoS without the Will Flag is malformed")
    void willQosWithoutWillFlagIsMalformed() {
        FrameRejectedException rejected = new FrameStage().assertRejected(
                connectHeader(V5, 0x02 | WILL_QOS_1).properties().string("c").packet(0x10), MALFORMED);

        assertThat(rejected.connect()).isTrue();
        assertThat(rejected.mqtt5()).isTrue();
    }

    @Test
    @DisplayName("[MQTT-3.1.2-12] Will QoS 3 is malformed in 5.0 and 3.1.1")
    void willQos3IsMalformed() {
        new FrameStage().assertRejected(connectHeader(V5, 0x02 | WILL | WILL_QOS_3).properties().string("c")
                .properties().string("w").string("p").packet(0x10), MALFORMED);
        FrameRejectedException v311 = new FrameStage().assertRejected(connectHeader(V311, 0x02 | WILL | WILL_QOS_3)
                .string("c").string("w").string("p").packet(0x10), MALFORMED);

        assertThat(v311.mqtt5()).isFalse();
    }

    @Test
    @DisplayName("[MQTT-3.1.2-13] Will Retain without the Will Flag is malformed")
    void willRetainWithoutWillFlagIsMalformed() {
        new FrameStage().assertRejected(connectHeader(V5, 0x02 | WILL_RETAIN).properties().string("c").packet(0x10),
                MALFORMED);
    }

    @Test
    @DisplayName("[MQTT-3.1.2-22] 3.1.1: a password without a user name is malformed; 5.0 allows it")
    void passwordWithoutUserName() {
        new FrameStage().assertRejected(connectHeader(V311, 0x02 | PASSWORD).string("c").string("pw").packet(0x10),
                MALFORMED);
        new FrameStage().assertPasses(connectHeader(V5, 0x02 | PASSWORD).properties().string("c").string("pw")
                .packet(0x10));
    }

    @Test
    @DisplayName("[MQTT-3.1.2-3] the reserved connect flag is malformed")
    void reservedConnectFlagIsMalformed() {
        new FrameStage().assertRejected(connectHeader(V311, 0x03).string("c").packet(0x10), MALFORMED);
    }

    @Test
    @DisplayName("[MQTT-1.5.4-1] a client id with an encoded surrogate or a stray continuation byte is malformed")
    void illFormedClientIdIsMalformed() {
        new FrameStage().assertRejected(connectHeader(V5, 0x02).properties()
                .binary(MqttPacketWriter.ENCODED_SURROGATE).packet(0x10), MALFORMED);
        new FrameStage().assertRejected(connectHeader(V311, 0x02)
                .binary(MqttPacketWriter.STRAY_CONTINUATION).packet(0x10), MALFORMED);
    }

    @Test
    @DisplayName("[MQTT-1.5.4-2] U+0000 in a client id is malformed")
    void nullCharacterInClientIdIsMalformed() {
        new FrameStage().assertRejected(connectHeader(V5, 0x02).properties()
                .binary(new byte[] {'a', 0x00}).packet(0x10), MALFORMED);
    }

    @Test
    void illFormedWillTopicUserNameAndPropertyStringsAreMalformed() {
        new FrameStage().assertRejected(connectHeader(V5, 0x02 | WILL).properties().string("c").properties()
                .binary(MqttPacketWriter.ENCODED_SURROGATE).string("p").packet(0x10), MALFORMED);
        new FrameStage().assertRejected(connectHeader(V311, 0x02 | USER_NAME).string("c")
                .binary(MqttPacketWriter.STRAY_CONTINUATION).packet(0x10), MALFORMED);
        new FrameStage().assertRejected(connectHeader(V5, 0x02 | WILL).properties().string("c")
                .properties(PropertyBytes.stringProperty(0x03, MqttPacketWriter.ENCODED_SURROGATE)).string("w").string("p")
                .packet(0x10), MALFORMED);
        new FrameStage().assertRejected(connectHeader(V5, 0x02).properties(PropertyBytes.userProperty(
                "k".getBytes(StandardCharsets.UTF_8), new byte[] {0x00})).string("c").packet(0x10), MALFORMED);
        new FrameStage().assertRejected(connectHeader(V5, 0x02).properties(
                PropertyBytes.stringProperty(0x15, MqttPacketWriter.ENCODED_SURROGATE)).string("c").packet(0x10), MALFORMED);
    }

    @Test
    @DisplayName("5.0 §3.1.2.11: Session Expiry Interval twice is a Protocol Error")
    void aPropertyTwiceIsAProtocolError() {
        FrameRejectedException rejected = new FrameStage().assertRejected(connectHeader(V5, 0x02)
                .properties(PropertyBytes.sessionExpiry(10), PropertyBytes.sessionExpiry(20)).string("c").packet(0x10),
                PROTOCOL_ERROR);

        assertThat(rejected.connect()).isTrue();
    }

    @Test
    @DisplayName("5.0 §3.1.2.11: Request Problem/Response Information above 1, Receive Maximum or Maximum Packet Size 0")
    void propertyValuesOutOfRangeAreProtocolErrors() {
        for (byte[] property : new byte[][] {PropertyBytes.requestProblemInformation(2),
                PropertyBytes.requestResponseInformation(2), PropertyBytes.receiveMaximum(0), PropertyBytes.maximumPacketSize(0)}) {
            new FrameStage().assertRejected(connectHeader(V5, 0x02).properties(property).string("c").packet(0x10),
                    PROTOCOL_ERROR);
        }
        new FrameStage().assertPasses(connectHeader(V5, 0x02).properties(PropertyBytes.topicAliasMaximum(0),
                PropertyBytes.requestProblemInformation(0), PropertyBytes.requestResponseInformation(1)).string("c")
                .packet(0x10));
    }

    @Test
    void authenticationDataWithoutAMethodIsAProtocolError() {
        new FrameStage().assertRejected(connectHeader(V5, 0x02).properties(new byte[] {0x16, 0, 1, 7})
                .string("c").packet(0x10), PROTOCOL_ERROR);
    }

    @Test
    void aPropertyNotAllowedInConnectIsMalformed() {
        new FrameStage().assertRejected(connectHeader(V5, 0x02).properties(PropertyBytes.topicAlias(1))
                .string("c").packet(0x10), MALFORMED);
    }

    @Test
    void bytesAfterTheLastFieldAreMalformed() {
        new FrameStage().assertRejected(connectHeader(V311, 0x02).string("c").u8(0).packet(0x10), MALFORMED);
    }
}
