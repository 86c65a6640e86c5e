package io.starlingmq.bench.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The bench's view of Kafka, as a peer of the bridge sees it: topics made for one step each, the sum of their
 * end offsets (records written), and every record read back with its partition and timestamp.
 */
final class KafkaTopics implements AutoCloseable {

    /**
     * Topics record when the broker appended each record (not when the bridge's producer made it), so a record's
     * timestamp minus the send time in its payload is the time from the MQTT publish to Kafka's log.
     */
    static final Map<String, String> TOPIC_CONFIG = Map.of("message.timestamp.type", "LogAppendTime");
    private static final long CALL_TIMEOUT_SECONDS = 30;

    /** One record of a step's topic. */
    record Record(int partition, long appendMillis, byte[] value) {
    }

    private final String bootstrapServers;
    private final Admin admin;
    private final Map<String, Integer> partitions = new HashMap<>();

    KafkaTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "bench-admin"));
    }

    void create(String topic, int partitionCount) {
        await(admin.createTopics(List.of(new NewTopic(topic, partitionCount, (short) 1).configs(TOPIC_CONFIG))).all());
        partitions.put(topic, partitionCount);
    }

    /** Records written to {@code topic} so far (it starts empty). */
    long endOffsetSum(String topic) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (TopicPartition partition : partitionsOf(topic)) {
            latest.put(partition, OffsetSpec.latest());
        }
        return await(admin.listOffsets(latest).all()).values().stream().mapToLong(info -> info.offset()).sum();
    }

    /** Every record of {@code topic} up to its end offsets now. */
    List<Record> readAll(String topic) {
        Map<String, Object> settings = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "bench-reader",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<Record> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> assigned = partitionsOf(topic);
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + topic + " back did not reach its end offsets " + end);
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    records.add(new Record(r.partition(), r.timestamp(), r.value()));
                }
            }
        }
        return records;
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private List<TopicPartition> partitionsOf(String topic) {
        Integer count = partitions.get(topic);
        if (count == null) {
            throw new IllegalArgumentException("not a topic this bench made: " + topic);
        }
        List<TopicPartition> list = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            list.add(new TopicPartition(topic, p));
        }
        return list;
    }

    private static <T> T await(KafkaFuture<T> future) {
        try {
            return future.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka admin call failed: " + e, e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
