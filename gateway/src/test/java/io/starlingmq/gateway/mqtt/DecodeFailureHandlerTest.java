package io.starlingmq.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.starlingmq.contract.reason.DisconnectReason;
import io.starlingmq.gateway.codec.FrameRejectedException;
import io.starlingmq.gateway.support.Decoded;
import io.starlingmq.testing.mqtt.MqttPackets;
import org.junit.jupiter.api.Test;

class DecodeFailureHandlerTest {

    @Test
    void theCodecsWildcardTopicFailureMapsToTopicNameInvalid() {
        // Pins the codec's wording: if a netty upgrade changes it, this fails instead of silently sending 0x81.
        MqttMessage message = Decoded.after(MqttPackets.connect(MqttPackets.V5, "c", 0, true),
                MqttPackets.publish(MqttPackets.V5, "a/#", 0, 0, new byte[0]));
        assertThat(DecodeFailureHandler.reasonFor(message.decoderResult().cause()))
                .isEqualTo(DisconnectReason.TOPIC_NAME_INVALID);
    }

    @Test
    void anOverLimitRemainingLengthMapsToPacketTooLarge() {
        MqttMessage message = Decoded.after(MqttPackets.connect(MqttPackets.V5, "c", 0, true),
                MqttPackets.publishHeaderClaiming(1_000_000, "t"));
        assertThat(DecodeFailureHandler.reasonFor(message.decoderResult().cause()))
                .isEqualTo(DisconnectReason.PACKET_TOO_LARGE);
    }

    @Test
    void aFrameStageRefusalKeepsItsReasonCode() {
        assertThat(DecodeFailureHandler.reasonFor(new FrameRejectedException(DisconnectReason.PROTOCOL_ERROR, "twice",
                false, true))).isEqualTo(DisconnectReason.PROTOCOL_ERROR);
    }

    @Test
    void otherFailuresAreMalformedPackets() {
        assertThat(DecodeFailureHandler.reasonFor(new DecoderException("Unknown message type: 0")))
                .isEqualTo(DisconnectReason.MALFORMED_PACKET);
    }
}
