package io.starlingmq.bridge.kafka;

import io.starlingmq.bridge.mqtt.DeadLetters;
import io.starlingmq.bridge.mqtt.InboundMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The dead-letter topic of a Kafka rule: the message or record that could not be carried, with headers
 * {@code starling-rule}, {@code starling-reason} and where it came from ({@code starling-source-topic}, and
 * for a Kafka record {@code starling-source-partition} and {@code starling-source-offset}). A value larger
 * than {@value #MAX_VALUE_BYTES} bytes is cut there (header {@code starling-truncated}), so an oversize
 * message still leaves its trace.
 */
public final class KafkaDeadLetters implements DeadLetters {

    static final int MAX_VALUE_BYTES = 64 * 1024;

    private final String rule;
    private final String topic;
    private final Producer<byte[], byte[]> producer;

    public KafkaDeadLetters(String rule, String topic, Producer<byte[], byte[]> producer) {
        this.rule = rule;
        this.topic = topic;
        this.producer = producer;
    }

    @Override
    public CompletionStage<Void> send(InboundMessage message, String reason) {
        List<Header> headers = base(reason, message.topic());
        for (Map.Entry<String, String> property : message.userProperties()) {
            headers.add(header(property.getKey(), property.getValue()));
        }
        byte[] key = message.publisher().isEmpty() ? null : message.publisher().getBytes(StandardCharsets.UTF_8);
        return send(key, message.payload(), headers);
    }

    /** A Kafka record that could not be published to MQTT. */
    public CompletionStage<Void> send(ConsumerRecord<byte[], byte[]> record, String reason) {
        List<Header> headers = base(reason, record.topic());
        headers.add(header("starling-source-partition", Integer.toString(record.partition())));
        headers.add(header("starling-source-offset", Long.toString(record.offset())));
        record.headers().forEach(headers::add);
        return send(record.key(), record.value(), headers);
    }

    private List<Header> base(String reason, String sourceTopic) {
        List<Header> headers = new ArrayList<>();
        headers.add(header("starling-rule", rule));
        headers.add(header("starling-reason", reason));
        headers.add(header("starling-source-topic", sourceTopic));
        return headers;
    }

    private CompletionStage<Void> send(byte[] key, byte[] value, List<Header> headers) {
        byte[] kept = value;
        if (value != null && value.length > MAX_VALUE_BYTES) {
            kept = Arrays.copyOf(value, MAX_VALUE_BYTES);
            headers.add(header("starling-truncated", Integer.toString(value.length)));
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(topic, null, key, kept, headers), (metadata, failure) -> {
            if (failure == null) {
                done.complete(null);
            } else {
                done.completeExceptionally(failure);
            }
        });
        return done;
    }

    private static Header header(String key, String value) {
        return new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
