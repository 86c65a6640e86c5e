package io.starlingmq.bridge.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.starlingmq.bridge.rule.RuleDefinitionException;
import io.starlingmq.bridge.rule.RuleProperties;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MqttToKafkaRuleTest {

    @Test
    void defaultsKeyByPublisherAndCarryThePayloadAsTheValue() {
        MqttToKafkaRule rule = MqttToKafkaRule.from(new RuleProperties("in", Map.of("kind", "mqtt-to-kafka",
                "filter", "bridge/#", "kafka-topic", "mqtt-in")), "dead");
        assertThat(rule.key().source()).isEqualTo("${clientid}");
        assertThat(rule.value().source()).isEqualTo("${payload}");
        assertThat(rule.qos()).isEqualTo(1);
        assertThat(rule.sharedGroup()).isEqualTo("starling-bridge-in");
        assertThat(rule.partitionBy()).isEqualTo(Partitioning.KEY);
        assertThat(rule.deadLetterTopic()).isEqualTo("dead");
        assertThat(rule.carryProperties()).isTrue();
    }

    @Test
    void headersComeFromTheirOwnTemplates() {
        MqttToKafkaRule rule = MqttToKafkaRule.from(new RuleProperties("in", Map.of("kind", "mqtt-to-kafka",
                "filter", "a/#", "kafka-topic", "t-${topic.1}", "headers.site", "${payload.site}",
                "partition-by", "topic")), "dead");
        assertThat(rule.headers()).containsOnlyKeys("site");
        assertThat(rule.partitionBy()).isEqualTo(Partitioning.TOPIC);
    }

    @Test
    void aWrongRuleNamesItselfAndTheKey() {
        assertThatThrownBy(() -> MqttToKafkaRule.from(new RuleProperties("in", Map.of("kind", "mqtt-to-kafka",
                "filter", "a/#")), "dead")).isInstanceOf(RuleDefinitionException.class)
                .hasMessage("bridge rule 'in', kafka-topic: is required");
        assertThatThrownBy(() -> MqttToKafkaRule.from(new RuleProperties("in", Map.of("kind", "mqtt-to-kafka",
                "filter", "a/#", "kafka-topic", "t", "key", "${user}")), "dead"))
                .hasMessageStartingWith("bridge rule 'in', key: unknown variable ${user}");
        assertThatThrownBy(() -> MqttToKafkaRule.from(new RuleProperties("in", Map.of("kind", "mqtt-to-kafka",
                "filter", "a/#", "kafka-topic", "t", "qos", "0")), "dead"))
                .hasMessage("bridge rule 'in', qos: must be from 1 to 2, was 0");
        assertThatThrownBy(() -> MqttToKafkaRule.from(new RuleProperties("in", Map.of("kind", "mqtt-to-kafka",
                "filter", "a/#", "kafka-topic", "t", "partition-by", "hash")), "dead"))
                .hasMessageContaining("partition-by: must be key, publisher or topic");
    }

    @Test
    void aMisspelledKeyIsRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> MqttToKafkaRule.from(new RuleProperties("in", Map.of("kind", "mqtt-to-kafka",
                "filter", "a/#", "kafka-topic", "t", "kafka_topic", "u")), "dead"))
                .hasMessage("bridge rule 'in', kafka_topic: is not a setting of a mqtt-to-kafka rule");
    }
}
