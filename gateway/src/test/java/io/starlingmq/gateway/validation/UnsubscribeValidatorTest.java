package io.starlingmq.gateway.validation;

import static io.starlingmq.testing.mqtt.MqttPackets.V5;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.starlingmq.contract.reason.DisconnectReason;
import io.starlingmq.contract.reason.UnsubackReason;
import io.starlingmq.gateway.support.Decoded;
import io.starlingmq.testing.mqtt.MqttPackets;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UnsubscribeValidatorTest {

    private final UnsubscribeValidator validator = new UnsubscribeValidator();

    private static byte[] unsubscribe(byte[] properties, String... filters) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(0);
        body.write(9);
        body.write(properties.length);
        body.writeBytes(properties);
        for (String filter : filters) {
            byte[] bytes = filter.getBytes(StandardCharsets.UTF_8);
            body.write(0);
            body.write(bytes.length);
            body.writeBytes(bytes);
        }
        return MqttPackets.packet(0xA2, body.toByteArray());
    }

    private FilterVerdict<UnsubackReason> validate(byte[] packet) {
        MqttUnsubscribeMessage message = (MqttUnsubscribeMessage) Decoded.after(
                MqttPackets.connect(V5, "u", 0, true), packet);
        assertThat(message.decoderResult().isSuccess()).isTrue();
        return validator.validate(message, true);
    }

    @Test
    void givesEachFilterItsOwnVerdict() {
        assertThat(validate(unsubscribe(new byte[0], "a/+", "a/#/b")).filterReasonCodes())
                .containsExactly(UnsubackReason.SUCCESS, UnsubackReason.TOPIC_FILTER_INVALID);
    }

    @Test
    void rejectsThePacketWhenItCarriesAPropertyUnsubscribeMayNot() {
        // 0x0B Subscription Identifier belongs to SUBSCRIBE only.
        FilterVerdict<UnsubackReason> verdict = validate(unsubscribe(new byte[] {0x0B, 0x01}, "a"));
        assertThat(verdict.packetRejected()).isTrue();
        assertThat(verdict.packetReasonCode()).isEqualTo(DisconnectReason.MALFORMED_PACKET);
    }
}
