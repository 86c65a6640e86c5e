package io.starlingmq.bridge.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.starlingmq.bridge.rule.RuleProperties;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

class KafkaToMqttRuleTest {

    private static ConsumerRecord<byte[], byte[]> record(String key, String value) {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("mqtt-out", 2, 17L,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
        record.headers().add(new RecordHeader("trace", "t-9".getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    @Test
    void theTopicAndPropertiesAreRenderedFromTheRecord() {
        KafkaToMqttRule rule = KafkaToMqttRule.from(new RuleProperties("out", Map.of("kind", "kafka-to-mqtt",
                "kafka-topics", "mqtt-out, other", "mqtt-topic", "bridge/from-kafka/${key}",
                "user-properties.trace", "${headers.trace}", "retain", "${value.retain}")), "dead");
        RecordVariables variables = new RecordVariables(record("dev-1", "{\"retain\":true}"));
        assertThat(rule.kafkaTopics()).containsExactly("mqtt-out", "other");
        assertThat(rule.mqttTopic().render(variables)).isEqualTo("bridge/from-kafka/dev-1");
        assertThat(rule.userProperties().get("trace").render(variables)).isEqualTo("t-9");
        assertThat(rule.retain().render(variables)).isEqualTo("true");
        assertThat(rule.payload().renderBytes(variables)).isEqualTo("{\"retain\":true}".getBytes(StandardCharsets.UTF_8));
        assertThat(rule.groupId()).isEqualTo("starling-bridge-out");
        assertThat(rule.qos()).isEqualTo(1);
    }

    @Test
    void aRecordWithoutWhatTheTemplateNeedsFailsWithTheReason() {
        KafkaToMqttRule rule = KafkaToMqttRule.from(new RuleProperties("out", Map.of("kind", "kafka-to-mqtt",
                "kafka-topics", "mqtt-out", "mqtt-topic", "x/${key}")), "dead");
        assertThatThrownBy(() -> rule.mqttTopic().render(new RecordVariables(record(null, "v"))))
                .hasMessage("the record has no key");
    }

    @Test
    void theOffsetResetIsEarliestOrLatest() {
        assertThatThrownBy(() -> KafkaToMqttRule.from(new RuleProperties("out", Map.of("kind", "kafka-to-mqtt",
                "kafka-topics", "t", "mqtt-topic", "x", "offset-reset", "none")), "dead"))
                .hasMessageContaining("offset-reset: must be earliest or latest");
    }
}
