package io.starlingmq.bridge.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.starlingmq.bridge.rule.RuleProperties;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArchiveRuleTest {

    @Test
    void defaultsWriteAnObjectPerTopicAndHourEveryTenSecondsAtMost() {
        ArchiveRule rule = ArchiveRule.from(new RuleProperties("meters", Map.of("kind", "mqtt-to-s3",
                "filter", "meters/#", "bucket", "archive")));
        assertThat(rule.key().source()).isEqualTo("${topic}/${date}/${hour}/${seq}.jsonl.gz");
        assertThat(rule.maxAge()).isEqualTo(Duration.ofSeconds(10));
        assertThat(rule.maxMessages()).isEqualTo(1000);
        assertThat(rule.deadLetterTopic()).isEqualTo("starling/bridge/dead-letter/meters");
    }

    @Test
    void aKeyWithoutSeqIsRefusedSinceObjectsWouldOverwriteEachOther() {
        assertThatThrownBy(() -> ArchiveRule.from(new RuleProperties("meters", Map.of("kind", "mqtt-to-s3",
                "filter", "meters/#", "bucket", "archive", "key", "${topic}.jsonl.gz"))))
                .hasMessageContaining("must contain ${seq}");
    }

    @Test
    void thePayloadCannotNameAnObject() {
        assertThatThrownBy(() -> ArchiveRule.from(new RuleProperties("meters", Map.of("kind", "mqtt-to-s3",
                "filter", "meters/#", "bucket", "archive", "key", "${payload}/${seq}"))))
                .hasMessageContaining("unknown variable ${payload}");
    }
}
