package io.starlingmq.gateway.validation;

import static io.starlingmq.testing.mqtt.MqttPackets.V311;
import static io.starlingmq.testing.mqtt.MqttPackets.V5;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.starlingmq.contract.reason.DisconnectReason;
import io.starlingmq.gateway.support.Decoded;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.PropertyBytes;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PublishValidatorTest {

    private final PublishValidator validator = new PublishValidator(4);

    private Optional<DisconnectReason> validate(int version, byte[] publish) {
        MqttMessage message = Decoded.after(MqttPackets.connect(version, "p", 0, true), publish);
        assertThat(message.decoderResult().isSuccess()).isTrue();
        try {
            return validator.validate((MqttPublishMessage) message, version == V5);
        } finally {
            ((MqttPublishMessage) message).release();
        }
    }

    @Test
    void acceptsQos0AndQos1ToAPlainTopic() {
        assertThat(validate(V311, MqttPackets.publish(V311, "a/b", 0, 0, new byte[] {1}))).isEmpty();
        assertThat(validate(V5, MqttPackets.publish(V5, "a/b", 1, 5, new byte[] {1}))).isEmpty();
    }

    @Test
    @DisplayName("5.0 §3.3.2.1: an empty topic without a Topic Alias is a Protocol Error; 3.1.1 closes")
    void rejectsAnEmptyTopicWithoutAlias() {
        assertThat(validate(V5, MqttPackets.publish(V5, "", 0, 0, new byte[0]))).contains(DisconnectReason.PROTOCOL_ERROR);
        assertThat(validate(V311, MqttPackets.publish(V311, "", 0, 0, new byte[0])))
                .contains(DisconnectReason.TOPIC_NAME_INVALID);
    }

    @Test
    @DisplayName("[MQTT-3.3.2-8] a Topic Alias of 0 or above the announced maximum is invalid")
    void rejectsTopicAliasZeroAndAboveTheMaximum() {
        assertThat(validate(V5, MqttPackets.publish5("a", 0, 0, PropertyBytes.topicAlias(0), new byte[0])))
                .contains(DisconnectReason.TOPIC_ALIAS_INVALID);
        assertThat(validate(V5, MqttPackets.publish5("a", 0, 0, PropertyBytes.topicAlias(5), new byte[0])))
                .contains(DisconnectReason.TOPIC_ALIAS_INVALID);
    }

    @Test
    void acceptsAnAliasWithinTheMaximumWithOrWithoutTopic() {
        assertThat(validate(V5, MqttPackets.publish5("a", 0, 0, PropertyBytes.topicAlias(4), new byte[0])))
                .isEmpty();
        assertThat(validate(V5, MqttPackets.publish5("", 0, 0, PropertyBytes.topicAlias(1), new byte[0])))
                .isEmpty();
    }

    @Test
    void anyAliasIsInvalidWhenNoneWasAnnounced() {
        MqttMessage message = Decoded.after(MqttPackets.connect(V5, "p", 0, true),
                MqttPackets.publish5("a", 0, 0, PropertyBytes.topicAlias(1), new byte[0]));
        try {
            assertThat(new PublishValidator(0).validate((MqttPublishMessage) message, true))
                    .contains(DisconnectReason.TOPIC_ALIAS_INVALID);
        } finally {
            ((MqttPublishMessage) message).release();
        }
    }

    @Test
    void rejectsATopicContainingNul() {
        assertThat(validate(V311, MqttPackets.publish(V311, "a\u0000b", 0, 0, new byte[0])))
                .contains(DisconnectReason.TOPIC_NAME_INVALID);
    }

    @Test
    void acceptsQos2() {
        assertThat(validate(V5, MqttPackets.publish(V5, "a", 2, 1, new byte[0]))).isEmpty();
    }

    @Test
    void wildcardTopicsAreRejectedByTheCodecItself() {
        MqttMessage message = Decoded.after(MqttPackets.connect(V5, "p", 0, true),
                MqttPackets.publish(V5, "a/+", 0, 0, new byte[0]));
        assertThat(message.decoderResult().isFailure()).isTrue();
        assertThat(TopicRules.validTopicName("a/+")).isFalse();
        assertThat(TopicRules.validTopicName("a/#")).isFalse();
    }
}
