package io.starlingmq.bench.kafka;

import io.starlingmq.bench.stats.LatencyRecorder;
import io.starlingmq.bench.stats.Payload;
import io.starlingmq.bench.stats.StreamLedger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

/**
 * Kafka through the bridge: a step's MQTT topics {@code bench/<step>/...} become records of the topic
 * {@code bench-in-<step>}, made before the step with its partitions. Arrived = the sum of its end offsets; after
 * the step every record is read back and its payload (publisher, sequence, send time) recorded, so loss and
 * duplicates are counted per message, and latency is the record's append time minus the send time.
 */
final class KafkaDestination implements Destination {

    /** {@link System#nanoTime()} and the wall clock at one instant: send times in payloads are nano times. */
    private static final long NANO_BASE = System.nanoTime();
    private static final long WALL_BASE_NANOS = wallNanos(Instant.now());

    private final KafkaTopics topics;
    private final Meters meters;
    private String topic;
    private StreamLedger ledger;
    private LatencyRecorder latency;

    KafkaDestination(KafkaTopics topics, Meters meters) {
        this.topics = topics;
        this.meters = meters;
    }

    @Override
    public String name() {
        return "bridge to Kafka";
    }

    @Override
    public String topicRoot() {
        return "bench";
    }

    @Override
    public void prepare(String step, int partitions, StreamLedger stepLedger, LatencyRecorder stepLatency) {
        topic = KafkaSuite.TOPIC_PREFIX + step;
        topics.create(topic, partitions);
        ledger = stepLedger;
        latency = stepLatency;
    }

    @Override
    public long arrivedSoFar() {
        return topics.endOffsetSum(topic);
    }

    @Override
    public boolean idle() {
        return meters.bridge().inFlight() == 0;
    }

    @Override
    public double[] inFlight() {
        Meters.Bridge bridge = meters.bridge();
        return new double[] {bridge.inFlight(), bridge.oldestInFlightSeconds()};
    }

    @Override
    public void collect() {
        List<KafkaTopics.Record> records = topics.readAll(topic);
        for (KafkaTopics.Record record : records) {
            ByteBuffer payload = ByteBuffer.wrap(record.value());
            if (payload.remaining() < Payload.HEADER_BYTES) {
                ledger.received(0, -1, 0);
                continue;
            }
            ledger.received(0, Payload.publisher(payload), Payload.sequence(payload));
            long sentWallNanos = WALL_BASE_NANOS + (Payload.sentNanos(payload) - NANO_BASE);
            latency.recordNanos(record.appendMillis() * 1_000_000L - sentWallNanos);
        }
    }

    @Override
    public long strays() {
        return 0;
    }

    private static long wallNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
