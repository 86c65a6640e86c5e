package io.starlingmq.systemtests.harness;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What a test needs of a Kafka with the real Kafka client: a topic made with N partitions, records written
 * (acks=all, each one acknowledged before the call returns), and every record of a topic read from its
 * beginning, without a consumer group, so reading never moves anything another reader sees.
 */
public final class KafkaRecords implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(2);

    private final String bootstrapServers;
    private KafkaProducer<String, byte[]> producer;

    public KafkaRecords(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** One record as read: where it sits, its key, value and headers. */
    public record Record(String topic, int partition, long offset, String key, byte[] value, List<RecordHeader> headers) {

        /** The value as UTF-8 text. */
        public String text() {
            return value == null ? null : new String(value, StandardCharsets.UTF_8);
        }

        /** The last header of that name, as UTF-8 text. */
        public Optional<String> header(String name) {
            return headers.reversed().stream().filter(h -> h.name().equals(name)).map(RecordHeader::text).findFirst();
        }
    }

    public record RecordHeader(String name, byte[] value) {

        public String text() {
            return value == null ? null : new String(value, StandardCharsets.UTF_8);
        }
    }

    /** Makes {@code topic} with {@code partitions} partitions of one replica; fails if it exists. */
    public void createTopic(String topic, int partitions) throws InterruptedException, ExecutionException {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
    }

    /** Writes one record with text value and headers; answers once Kafka acknowledged it, with where it went. */
    public RecordMetadata produce(String topic, String key, String value, Map<String, String> headers)
            throws InterruptedException, ExecutionException {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key,
                value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        return producer().send(record).get();
    }

    public RecordMetadata produce(String topic, String key, String value) throws InterruptedException, ExecutionException {
        return produce(topic, key, value, Map.of());
    }

    /**
     * The records of every partition of {@code topic} from its beginning, until {@code count} were read or
     * {@code timeout} passed (then fewer); a topic not there yet is waited for. In the order they arrived:
     * a partition's records in offset order.
     */
    public List<Record> readAll(String topic, int count, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        List<Record> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = awaitPartitions(consumer, topic, end);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (records.size() < count && System.nanoTime() < end) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
                    List<RecordHeader> headers = new ArrayList<>();
                    for (Header h : r.headers()) {
                        headers.add(new RecordHeader(h.key(), h.value()));
                    }
                    records.add(new Record(r.topic(), r.partition(), r.offset(), r.key(), r.value(), List.copyOf(headers)));
                }
            }
        }
        return records;
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close();
        }
    }

    private static List<TopicPartition> awaitPartitions(KafkaConsumer<?, ?> consumer, String topic, long end) {
        while (true) {
            try {
                // Asking does not make the topic (auto-creation is off for this consumer): a reader must not
                // decide the partition count of a topic a bridge is about to make.
                List<PartitionInfo> infos = consumer.partitionsFor(topic, METADATA_TIMEOUT);
                if (infos != null && !infos.isEmpty()) {
                    return infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
                }
            } catch (TimeoutException brokerNotThereYet) {
                // a broker being restarted: ask again until the end
            }
            if (System.nanoTime() >= end) {
                return List.of();
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
