package io.starlingmq.systemtests.localservers;

import static org.assertj.core.api.Assertions.assertThat;

import io.starlingmq.launcher.KafkaServer;
import io.starlingmq.systemtests.harness.KafkaRecords;
import io.starlingmq.systemtests.harness.SharedKafka;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The harness's Kafka: records written and read back with their place, key, value and headers, across a restart. */
class LocalKafkaHarnessTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void recordsAreReadBackFromEveryPartitionBeforeAndAfterARestart() throws Exception {
        KafkaServer kafka = SharedKafka.shared();
        try (KafkaRecords records = new KafkaRecords(kafka.bootstrapServers())) {
            records.createTopic("harness", 3);
            for (int i = 0; i < 6; i++) {
                records.produce("harness", "key-" + i, "value-" + i, Map.of("n", Integer.toString(i)));
            }

            List<KafkaRecords.Record> before = sorted(records.readAll("harness", 6, TIMEOUT));
            assertThat(before).extracting(KafkaRecords.Record::text)
                    .containsExactlyInAnyOrder("value-0", "value-1", "value-2", "value-3", "value-4", "value-5");
            assertThat(before).extracting(KafkaRecords.Record::partition).containsOnly(0, 1, 2);
            assertThat(before).allSatisfy(r -> assertThat(r.header("n")).contains(r.key().substring("key-".length())));

            kafka.restart();

            assertThat(sorted(records.readAll("harness", 6, TIMEOUT))).usingRecursiveFieldByFieldElementComparator()
                    .isEqualTo(before);
        }
    }

    @Test
    void aTopicMadeOnFirstUseIsWaitedForByTheReader() throws Exception {
        try (KafkaRecords records = new KafkaRecords(SharedKafka.shared().bootstrapServers())) {
            records.produce("made-on-first-use", null, "first");

            assertThat(records.readAll("made-on-first-use", 1, TIMEOUT)).singleElement()
                    .satisfies(r -> assertThat(r.offset()).isZero())
                    .satisfies(r -> assertThat(r.key()).isNull())
                    .satisfies(r -> assertThat(r.text()).isEqualTo("first"));
        }
    }

    private static List<KafkaRecords.Record> sorted(List<KafkaRecords.Record> records) {
        return records.stream().sorted(Comparator.comparingInt(KafkaRecords.Record::partition)
                .thenComparingLong(KafkaRecords.Record::offset)).toList();
    }
}
