package io.starlingmq.bench.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProducerPerfTest {

    /** What Kafka 4.1's ProducerPerformance prints: progress lines every five seconds, then the summary. */
    private static final String OUTPUT = """
            [main] INFO org.apache.kafka.clients.producer.ProducerConfig - Idempotence will be enabled
            1076785 records sent, 215313.9 records/sec (13.14 MB/sec), 1209.2 ms avg latency, 1840.0 ms max latency.
            1500000 records sent, 295799.6 records/sec (18.05 MB/sec), 1108.88 ms avg latency, 1833.00 ms max latency, \
            1133 ms 50th, 1790 ms 95th, 1818 ms 99th, 1832 ms 99.9th.
            [main] INFO org.apache.kafka.common.metrics.Metrics - Metrics reporters closed
            """;

    @Test
    void readsTheSummaryNotTheProgressLines() {
        ProducerPerf.Result r = ProducerPerf.parse(OUTPUT, 64, 3).orElseThrow();
        assertThat(r.records()).isEqualTo(1_500_000);
        assertThat(r.recordsPerSecond()).isEqualTo(295_799.6);
        assertThat(r.megabytesPerSecond()).isEqualTo(18.05);
        assertThat(r.avgMillis()).isEqualTo(1108.88);
        assertThat(r.p99Millis()).isEqualTo(1818);
        assertThat(r.maxMillis()).isEqualTo(1833);
        assertThat(r.recordSize()).isEqualTo(64);
        assertThat(r.partitions()).isEqualTo(3);
    }

    @Test
    void withoutASummaryThereIsNoResult() {
        assertThat(ProducerPerf.parse("Exception in thread \"main\" org.apache.kafka.common.errors.TimeoutException", 64, 1))
                .isEmpty();
    }
}
