package io.starlingmq.gateway.validation;

import static io.starlingmq.testing.mqtt.MqttPackets.V311;
import static io.starlingmq.testing.mqtt.MqttPackets.V5;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.starlingmq.contract.reason.DisconnectReason;
import io.starlingmq.contract.reason.SubackReason;
import io.starlingmq.gateway.support.Decoded;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.PropertyBytes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SubscribeValidatorTest {

    private final SubscribeValidator validator = new SubscribeValidator(TopicLimits.NONE);

    private FilterVerdict<SubackReason> validate(int version, String... filters) {
        MqttSubscribeMessage message = (MqttSubscribeMessage) Decoded.after(MqttPackets.connect(version, "s", 0, true),
                MqttPackets.subscribe(version, 1, 1, filters));
        assertThat(message.decoderResult().isSuccess()).isTrue();
        return validator.validate(message, version == V5);
    }

    @Test
    void acceptsWellFormedFilters() {
        FilterVerdict<SubackReason> verdict = validate(V5, "a/b", "a/+/c", "#", "a/#", "+", "$share/group/a/+");
        assertThat(verdict.packetRejected()).isFalse();
        assertThat(verdict.filterReasonCodes()).containsOnly(SubackReason.GRANTED_QOS_0);
    }

    @Test
    void rejectsEachMalformedFilterOnItsOwn() {
        FilterVerdict<SubackReason> verdict = validate(V311, "ok", "a/#/b", "a#", "a/b+", "", "$share//a", "$share/g");
        assertThat(verdict.filterReasonCodes()).containsExactly(SubackReason.GRANTED_QOS_0,
                SubackReason.TOPIC_FILTER_INVALID, SubackReason.TOPIC_FILTER_INVALID, SubackReason.TOPIC_FILTER_INVALID,
                SubackReason.TOPIC_FILTER_INVALID, SubackReason.TOPIC_FILTER_INVALID, SubackReason.TOPIC_FILTER_INVALID);
    }

    private FilterVerdict<SubackReason> validate5(SubscribeValidator with, byte[] properties, String filter, int options) {
        MqttSubscribeMessage message = (MqttSubscribeMessage) Decoded.after(MqttPackets.connect(V5, "s", 0, true),
                MqttPackets.subscribe5(1, properties, filter, options));
        assertThat(message.decoderResult().isSuccess()).isTrue();
        return with.validate(message, true);
    }

    @Test
    @DisplayName("Subscription Identifier 0 is a Protocol Error (5.0 §3.8.2.1.2)")
    void subscriptionIdentifierZeroRejectsThePacket() {
        FilterVerdict<SubackReason> verdict = validate5(validator, PropertyBytes.subscriptionIdentifier(0), "a/b", 1);
        assertThat(verdict.packetReasonCode()).isEqualTo(DisconnectReason.PROTOCOL_ERROR);
    }

    @Test
    void subscriptionIdentifierInRangeIsAccepted() {
        FilterVerdict<SubackReason> verdict = validate5(validator, PropertyBytes.subscriptionIdentifier(268_435_455), "a/b", 1);
        assertThat(verdict.packetRejected()).isFalse();
    }

    @Test
    @DisplayName("[MQTT-3.8.3-4] No Local on a shared subscription is a Protocol Error")
    void noLocalOnASharedSubscriptionRejectsThePacket() {
        FilterVerdict<SubackReason> verdict = validate5(validator, new byte[0], "$share/g/a/b", 0x04 | 1);
        assertThat(verdict.packetReasonCode()).isEqualTo(DisconnectReason.PROTOCOL_ERROR);
        assertThat(validate5(validator, new byte[0], "a/b", 0x04 | 1).packetRejected()).isFalse();
    }

    @Test
    void sharedFiltersNeedAGroupWithoutWildcardsAndAValidFilter() {
        FilterVerdict<SubackReason> verdict = validate(V5, "$share/g/a/#", "$share/g+/a", "$share/#/a", "$share/g/", "$share/g/a/#/b");
        assertThat(verdict.filterReasonCodes()).containsExactly(SubackReason.GRANTED_QOS_0, SubackReason.TOPIC_FILTER_INVALID,
                SubackReason.TOPIC_FILTER_INVALID, SubackReason.TOPIC_FILTER_INVALID, SubackReason.TOPIC_FILTER_INVALID);
    }

    @Test
    void filtersBeyondTheConfiguredLevelsOrLengthGetTopicFilterInvalid() {
        SubscribeValidator limited = new SubscribeValidator(new TopicLimits(3, 10));
        assertThat(validate5(limited, new byte[0], "a/b/c", 1).filterReasonCodes()).containsExactly(SubackReason.GRANTED_QOS_0);
        assertThat(validate5(limited, new byte[0], "a/b/c/d", 1).filterReasonCodes())
                .containsExactly(SubackReason.TOPIC_FILTER_INVALID);
        assertThat(validate5(limited, new byte[0], "abcdefghijk", 1).filterReasonCodes())
                .containsExactly(SubackReason.TOPIC_FILTER_INVALID);
        // The shared prefix does not count against the limits.
        assertThat(validate5(limited, new byte[0], "$share/group/a/b/c", 1).filterReasonCodes())
                .containsExactly(SubackReason.GRANTED_QOS_0);
    }
}
