package io.starlingmq.gateway.validation;

import static io.starlingmq.testing.mqtt.MqttPackets.V311;
import static io.starlingmq.testing.mqtt.MqttPackets.V5;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.starlingmq.contract.reason.ConnackReason;
import io.starlingmq.gateway.support.Decoded;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.PropertyBytes;
import org.junit.jupiter.api.Test;

class ConnectValidatorTest {

    private final ConnectValidator validator = new ConnectValidator(16);

    private ConnackReason validate(byte[] connect) {
        MqttConnectMessage message = (MqttConnectMessage) Decoded.single(connect);
        assertThat(message.decoderResult().isSuccess()).isTrue();
        return validator.validate(message);
    }

    @Test
    void acceptsAnOrdinaryConnect() {
        assertThat(validate(MqttPackets.connect(V311, "device-1", 30, true))).isEqualTo(ConnackReason.SUCCESS);
        assertThat(validate(MqttPackets.connect(V5, "device-1", 30, false))).isEqualTo(ConnackReason.SUCCESS);
    }

    @Test
    void rejectsAClientIdLongerThanTheLimit() {
        assertThat(validate(MqttPackets.connect(V5, "x".repeat(17), 0, true)))
                .isEqualTo(ConnackReason.CLIENT_IDENTIFIER_NOT_VALID);
    }

    @Test
    void rejectsAnEmptyClientIdUnlessTheSessionStartsClean() {
        assertThat(validate(MqttPackets.connect(V311, "", 0, false))).isEqualTo(ConnackReason.CLIENT_IDENTIFIER_NOT_VALID);
        assertThat(validate(MqttPackets.connect(V311, "", 0, true))).isEqualTo(ConnackReason.SUCCESS);
    }

    @Test
    void rejectsAClientIdContainingNul() {
        assertThat(validate(MqttPackets.connect(V311, "a\u0000b", 0, true)))
                .isEqualTo(ConnackReason.CLIENT_IDENTIFIER_NOT_VALID);
    }

    @Test
    void rejectsReceiveMaximumZeroAsProtocolError() {
        assertThat(validate(MqttPackets.connect(V5, "rm0", 0, true, PropertyBytes.receiveMaximum(0))))
                .isEqualTo(ConnackReason.PROTOCOL_ERROR);
    }

    @Test
    void rejectsAPropertyConnectMayNotCarry() {
        // 0x23 Topic Alias belongs to PUBLISH only.
        byte[] topicAlias = {0x23, 0x00, 0x01};
        assertThat(validate(MqttPackets.connect(V5, "alias", 0, true, topicAlias)))
                .isEqualTo(ConnackReason.MALFORMED_PACKET);
    }
}
