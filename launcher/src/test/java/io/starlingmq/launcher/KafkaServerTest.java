package io.starlingmq.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts a real Kafka (local-servers' jars) once for the class and talks to it with the real Kafka client. */
class KafkaServerTest {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    static Path dir;
    private static KafkaServer kafka;

    @BeforeAll
    static void start() throws Exception {
        Path libs = new SuiteLayout(Path.of("..")).kafkaLibs();
        kafka = KafkaServer.start(libs, new KafkaBrokerConfig(FreePort.find(), FreePort.find(), dir.resolve("kafka")),
                dir.resolve("kafka.log"), ProcessSession.SHARED);
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aRecordSurvivesACleanStopAndARestartOnTheSameData() throws Exception {
        produce("clean", "k1", "hello");
        assertThat(readAll("clean", 1)).containsExactly("k1=hello");

        kafka.stop();
        assertThat(kafka.isRunning()).isFalse();
        assertThat(KafkaMetadataProbe.listsALiveBroker(kafka.port())).isFalse();
        kafka.restart();

        assertThat(readAll("clean", 1)).containsExactly("k1=hello");
        assertThat(kafka.log()).content().contains("Kafka Server started");
    }

    @Test
    void aRecordSurvivesSigkillAndARestart() throws Exception {
        produce("killed", "k2", "still here");
        long pid = kafka.process().pid();

        kafka.kill();
        assertThat(ProcessHandle.of(pid)).isEmpty();
        kafka.restart();

        assertThat(readAll("killed", 1)).containsExactly("k2=still here");
    }

    private static void produce(String topic, String key, String value) throws Exception {
        Properties props = new Properties();
        props.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /** Every record of the topic's only partition from its start, until {@code count} arrived or time ran out. */
    private static List<String> readAll(String topic, int count) {
        Properties props = new Properties();
        props.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
        List<String> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (records.size() < count && System.nanoTime() < end) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(record.key() + "=" + record.value());
                }
            }
        }
        return records;
    }
}
