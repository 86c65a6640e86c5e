package io.starlingmq.bridge.kafka;

import io.starlingmq.bridge.mqtt.InboundMessage;
import io.starlingmq.bridge.mqtt.MessageSink;
import io.starlingmq.bridge.mqtt.MessageVariables;
import io.starlingmq.bridge.mqtt.PoisonMessageException;
import io.starlingmq.bridge.rule.RuleHealth;
import io.starlingmq.bridge.template.Template;
import io.starlingmq.bridge.template.TemplateException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.utils.Utils;

/**
 * Writes an {@code mqtt-to-kafka} rule's messages as Kafka records, completing each once Kafka acknowledged
 * it. Records are handed to the producer by one thread per rule, in the order the messages arrived, so one
 * partition receives them in that order; the producer may block there (Kafka unreachable, its buffer full),
 * never on the MQTT client's own thread. The hand-over queue holds at most the rule's in-flight window.
 */
public final class KafkaSink implements MessageSink {

    private final MqttToKafkaRule rule;
    private final Producer<byte[], byte[]> producer;
    private final KafkaReachability reachability;
    private final ThreadPoolExecutor sender;

    public KafkaSink(MqttToKafkaRule rule, Producer<byte[], byte[]> producer, KafkaReachability reachability,
                     int window) {
        this.rule = rule;
        this.producer = producer;
        this.reachability = reachability;
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(window + 16),
                runnable -> {
                    Thread thread = new Thread(runnable, "bridge-" + rule.name() + "-kafka");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Override
    public CompletionStage<Void> send(InboundMessage message) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            sender.execute(() -> produce(message, done));
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(new IllegalStateException("more messages in flight than the window allows"));
        }
        return done;
    }

    private void produce(InboundMessage message, CompletableFuture<Void> done) {
        try {
            MessageVariables variables = new MessageVariables(message);
            String topic = rule.kafkaTopic().render(variables);
            byte[] key = rule.key().renderBytes(variables);
            byte[] value = rule.value().renderBytes(variables);
            List<Header> headers = headers(message, variables);
            Integer partition = partition(topic, message);
            producer.send(new ProducerRecord<>(topic, partition, key, value, headers), (metadata, failure) -> {
                if (failure == null) {
                    done.complete(null);
                } else {
                    done.completeExceptionally(KafkaFailures.classify(failure));
                }
            });
        } catch (TemplateException e) {
            done.completeExceptionally(new PoisonMessageException(e.getMessage()));
        } catch (KafkaException e) {
            done.completeExceptionally(KafkaFailures.classify(e));
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
    }

    private List<Header> headers(InboundMessage message, MessageVariables variables) {
        List<Header> headers = new ArrayList<>();
        if (rule.carryProperties()) {
            for (Map.Entry<String, String> property : message.userProperties()) {
                headers.add(new RecordHeader(property.getKey(), property.getValue().getBytes(StandardCharsets.UTF_8)));
            }
            message.contentType().ifPresent(type ->
                    headers.add(new RecordHeader("content-type", type.getBytes(StandardCharsets.UTF_8))));
        }
        for (Map.Entry<String, Template> header : rule.headers().entrySet()) {
            headers.add(new RecordHeader(header.getKey(), header.getValue().renderBytes(variables)));
        }
        return headers;
    }

    /** Null lets Kafka's partitioner hash the key; otherwise the same hash over the publisher or the topic. */
    private Integer partition(String topic, InboundMessage message) {
        String basis = switch (rule.partitionBy()) {
            case KEY -> null;
            case PUBLISHER -> message.publisher();
            case TOPIC -> message.topic();
        };
        if (basis == null) {
            return null;
        }
        int partitions = producer.partitionsFor(topic).size();
        return Utils.toPositive(Utils.murmur2(basis.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    @Override
    public RuleHealth health() {
        return reachability.health();
    }

    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
