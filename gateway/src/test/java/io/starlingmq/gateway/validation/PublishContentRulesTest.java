package io.starlingmq.gateway.validation;

import static io.starlingmq.testing.mqtt.MqttPackets.V5;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.starlingmq.contract.reason.PubackReason;
import io.starlingmq.gateway.support.Decoded;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.PropertyBytes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PublishContentRulesTest {

    private PubackReason check(PublishContentRules rules, String topic, byte[] properties, byte[] payload) {
        MqttPublishMessage message = (MqttPublishMessage) Decoded.after(MqttPackets.connect(V5, "p", 0, true),
                MqttPackets.publish5(topic, 1, 1, properties, payload));
        try {
            return rules.check(topic, message, true);
        } finally {
            message.release();
        }
    }

    @Test
    @DisplayName("[MQTT-3.3.2-4] Payload Format Indicator 1 with a payload that is not UTF-8 is refused with 0x99")
    void aPayloadThatIsNotTheUtf8ItClaimsIsRefused() {
        PublishContentRules rules = new PublishContentRules(TopicLimits.NONE);
        byte[] notUtf8 = {(byte) 0xC3, (byte) 0x28};
        assertThat(check(rules, "a", PropertyBytes.payloadFormatIndicator(1), notUtf8))
                .isEqualTo(PubackReason.PAYLOAD_FORMAT_INVALID);
        assertThat(check(rules, "a", PropertyBytes.payloadFormatIndicator(1), "héllo".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(PubackReason.SUCCESS);
        assertThat(check(rules, "a", PropertyBytes.payloadFormatIndicator(0), notUtf8)).isEqualTo(PubackReason.SUCCESS);
    }

    @Test
    void aTopicBeyondTheLimitsIsRefusedWithTopicNameInvalid() {
        PublishContentRules rules = new PublishContentRules(new TopicLimits(2, 8));
        assertThat(check(rules, "a/b", new byte[0], new byte[0])).isEqualTo(PubackReason.SUCCESS);
        assertThat(check(rules, "a/b/c", new byte[0], new byte[0])).isEqualTo(PubackReason.TOPIC_NAME_INVALID);
        assertThat(check(rules, "abcdefghi", new byte[0], new byte[0])).isEqualTo(PubackReason.TOPIC_NAME_INVALID);
    }
}
