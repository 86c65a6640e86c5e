package io.starlingmq.testing.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The bytes the raw client's builders write, checked against the packet layouts written out by hand. */
class MqttPacketsTest {

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    void connectCarriesNameLevelFlagsKeepAlivePropertiesAndClientId() {
        assertThat(hex(MqttPackets.connect(MqttPackets.V311, "c", 30, true)))
                .isEqualTo("100d" + "00044d515454" + "04" + "02" + "001e" + "000163");
        assertThat(hex(MqttPackets.connect(MqttPackets.V5, "c", 0, false, PropertyBytes.receiveMaximum(2))))
                .isEqualTo("1011" + "00044d515454" + "05" + "00" + "0000" + "03" + "210002" + "000163");
        assertThat(hex(MqttPackets.connectHeader(3, 0x02).toBytes())).isEqualTo("00064d514973647003020000");
    }

    @Test
    void publishAndSubscribeOfVersion5CarryTheirPropertyBlock() {
        assertThat(hex(MqttPackets.publish5("t", 1, 7, PropertyBytes.topicAlias(3), new byte[] {0x41})))
                .isEqualTo("320a" + "000174" + "0007" + "03" + "230003" + "41");
        assertThat(hex(MqttPackets.publish(MqttPackets.V5, "t", 0, 0, new byte[0]))).isEqualTo("3004000174" + "00");
        assertThat(hex(MqttPackets.publishDup(MqttPackets.V311, "t", 1, 1, new byte[0])))
                .isEqualTo("3a05" + "000174" + "0001");
        assertThat(hex(MqttPackets.subscribe5(1, PropertyBytes.subscriptionIdentifier(200), "a", 0x05)))
                .isEqualTo("820a" + "0001" + "03" + "0bc801" + "000161" + "05");
        assertThat(hex(MqttPackets.publishHeaderClaiming(200, "t"))).isEqualTo("30c801" + "000174" + "00");
    }

    @Test
    void propertiesAreIdentifierThenValueAndJoinInOrder() {
        assertThat(hex(PropertyBytes.of(PropertyBytes.sessionExpiry(10), PropertyBytes.maximumPacketSize(0xFFFFFFFFL),
                PropertyBytes.payloadFormatIndicator(1), PropertyBytes.userProperty(new byte[] {'k'}, new byte[] {'v'}))))
                .isEqualTo("110000000a" + "27ffffffff" + "0101" + "260001" + "6b" + "0001" + "76");
        assertThat(hex(new MqttPacketWriter().properties(PropertyBytes.topicAliasMaximum(5), PropertyBytes.stringProperty(
                0x03, MqttPacketWriter.ENCODED_SURROGATE)).toBytes())).isEqualTo("09" + "220005" + "030003eda080");
    }
}
