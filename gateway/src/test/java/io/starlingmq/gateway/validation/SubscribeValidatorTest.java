package io.starlingmq.gateway.validation;

import static io.starlingmq.gateway.support.MqttBytes.V311;
import static io.starlingmq.gateway.support.MqttBytes.V5;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.starlingmq.gateway.support.Decoded;
import io.starlingmq.gateway.support.MqttBytes;
import org.junit.jupiter.api.Test;

class SubscribeValidatorTest {

    private final SubscribeValidator validator = new SubscribeValidator();

    private FilterVerdict validate(int version, String... filters) {
        MqttSubscribeMessage message = (MqttSubscribeMessage) Decoded.after(MqttBytes.connect(version, "s", 0, true),
                MqttBytes.subscribe(version, 1, 1, filters));
        assertThat(message.decoderResult().isSuccess()).isTrue();
        return validator.validate(message, version == V5);
    }

    @Test
    void acceptsWellFormedFilters() {
        FilterVerdict verdict = validate(V5, "a/b", "a/+/c", "#", "a/#", "+", "$share/group/a/+");
        assertThat(verdict.packetRejected()).isFalse();
        assertThat(verdict.filterReasonCodes()).containsOnly(ReasonCode.SUCCESS);
    }

    @Test
    void rejectsEachMalformedFilterOnItsOwn() {
        FilterVerdict verdict = validate(V311, "ok", "a/#/b", "a#", "a/b+", "", "$share//a", "$share/g");
        assertThat(verdict.filterReasonCodes()).containsExactly(ReasonCode.SUCCESS,
                ReasonCode.TOPIC_FILTER_INVALID, ReasonCode.TOPIC_FILTER_INVALID, ReasonCode.TOPIC_FILTER_INVALID,
                ReasonCode.TOPIC_FILTER_INVALID, ReasonCode.TOPIC_FILTER_INVALID, ReasonCode.TOPIC_FILTER_INVALID);
    }
}
