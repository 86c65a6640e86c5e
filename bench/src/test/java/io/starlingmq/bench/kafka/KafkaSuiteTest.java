package io.starlingmq.bench.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaSuiteTest {

    @Test
    void theRuleNamesTheKafkaTopicByTheStepAndKeysByThePublisher() {
        assertThat(KafkaSuite.rules(Map.of())).isEqualTo("""
                starling.bridge.rules.bench.kind=mqtt-to-kafka
                starling.bridge.rules.bench.filter=bench/#
                starling.bridge.rules.bench.kafka-topic=bench-in-${topic.1}
                starling.bridge.rules.bench.key=${clientid}
                """);
    }

    @Test
    void producerSettingsAreQuotedKeysOfTheBridgesProducerMap() {
        assertThat(KafkaSuite.rules(Map.of("linger.ms", "0")))
                .endsWith("starling.bridge.kafka.producer.\"linger.ms\"=0\n");
    }
}
