package io.starlingmq.bridge.kafka;

import io.starlingmq.bridge.metrics.RuleMeters;
import io.starlingmq.bridge.mqtt.StarlingConnection;
import io.starlingmq.bridge.rule.RuleHealth;
import io.starlingmq.bridge.rule.RuleKind;
import io.starlingmq.bridge.rule.RuleRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Runs a {@code kafka-to-mqtt} rule on a thread of its own: poll a batch, publish every record to Starling,
 * wait for each acknowledgement, and commit per partition only the offsets before the first record that must
 * be tried again (then seek back to it). A record that can never be published goes to the dead-letter topic
 * first. So a record's offset is committed only after the router routed its message or the dead letters have
 * it: a restart of the bridge sends again at most the batch that was in flight (at least once).
 */
public final class KafkaToMqttRunner implements RuleRunner {

    private static final Logger LOG = Logger.getLogger(KafkaToMqttRunner.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long ACK_TIMEOUT_SECONDS = 60;

    private final KafkaToMqttRule rule;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final StarlingConnection connection;
    private final RecordPublisher publisher;
    private final KafkaDeadLetters deadLetters;
    private final AutoCloseable deadLetterProducer;
    private final KafkaReachability reachability;
    private final RuleMeters meters;
    private final Duration unhealthyAfter;
    private final Duration minDelay;
    private final Duration maxDelay;
    private final Thread thread;
    private volatile boolean stopping;
    private volatile long lastFailureNanos;
    private volatile String lastFailure = "";
    private int failuresInARow;

    public KafkaToMqttRunner(KafkaToMqttRule rule, KafkaConsumer<byte[], byte[]> consumer,
                             StarlingConnection connection, KafkaDeadLetters deadLetters,
                             AutoCloseable deadLetterProducer, KafkaReachability reachability, RuleMeters meters,
                             Duration unhealthyAfter, Duration minDelay, Duration maxDelay) {
        this.rule = rule;
        this.consumer = consumer;
        this.connection = connection;
        this.publisher = new RecordPublisher(rule, connection.client());
        this.deadLetters = deadLetters;
        this.deadLetterProducer = deadLetterProducer;
        this.reachability = reachability;
        this.meters = meters;
        this.unhealthyAfter = unhealthyAfter;
        this.minDelay = minDelay;
        this.maxDelay = maxDelay;
        this.thread = new Thread(this::run, "bridge-" + rule.name() + "-consumer");
        thread.setDaemon(true);
    }

    @Override
    public String name() {
        return rule.name();
    }

    @Override
    public RuleKind kind() {
        return RuleKind.KAFKA_TO_MQTT;
    }

    @Override
    public String route() {
        return "kafka " + String.join(",", rule.kafkaTopics()) + " (group " + rule.groupId() + ") -> mqtt "
                + rule.mqttTopic().source();
    }

    @Override
    public void start() {
        connection.start();
        thread.start();
    }

    private void run() {
        try {
            consumer.subscribe(rule.kafkaTopics());
            while (!stopping) {
                if (!connection.connected()) {
                    sleep(100);
                    continue;
                }
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                updateLag();
                if (!records.isEmpty()) {
                    carry(records);
                }
            }
        } catch (WakeupException e) {
            if (!stopping) {
                LOG.errorf(e, "rule %s: consumer woken unexpectedly", rule.name());
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "rule %s: the consumer stopped", rule.name());
            lastFailure = "the consumer stopped: " + e.getMessage();
            lastFailureNanos = Long.MAX_VALUE;
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void carry(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, List<Pending>> byPartition = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<Pending> pending = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
                long ticket = meters.matched();
                pending.add(new Pending(record, ticket, publisher.publish(record)));
                meters.sent();
            }
            byPartition.put(partition, pending);
        }
        Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
        boolean retry = false;
        for (Map.Entry<TopicPartition, List<Pending>> entry : byPartition.entrySet()) {
            Long retryFrom = null;
            long next = -1;
            for (Pending pending : entry.getValue()) {
                PublishOutcome outcome = retryFrom != null ? PublishOutcome.retry("after an earlier record")
                        : await(pending.outcome());
                if (outcome.kind() == PublishOutcome.Kind.POISON) {
                    outcome = deadLetter(pending.record(), outcome.reason());
                }
                switch (outcome.kind()) {
                    case CARRIED -> {
                        meters.acknowledged(pending.ticket());
                        next = pending.record().offset() + 1;
                    }
                    case POISON -> {
                        meters.deadLettered(pending.ticket());
                        next = pending.record().offset() + 1;
                    }
                    case RETRY -> {
                        meters.abandoned(pending.ticket());
                        if (retryFrom == null) {
                            retryFrom = pending.record().offset();
                            noteFailure(outcome.reason());
                        }
                    }
                }
            }
            if (next >= 0) {
                commits.put(entry.getKey(), new OffsetAndMetadata(next));
            }
            if (retryFrom != null) {
                consumer.seek(entry.getKey(), retryFrom);
                retry = true;
            }
        }
        if (!commits.isEmpty()) {
            consumer.commitSync(commits);
        }
        if (retry) {
            backOff();
        } else {
            failuresInARow = 0;
        }
    }

    private PublishOutcome deadLetter(ConsumerRecord<byte[], byte[]> record, String reason) {
        try {
            deadLetters.send(record, reason).toCompletableFuture().get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return PublishOutcome.poison(reason);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PublishOutcome.retry("interrupted");
        } catch (Exception e) {
            return PublishOutcome.retry("the dead-letter topic failed: " + e.getMessage());
        }
    }

    private PublishOutcome await(CompletableFuture<PublishOutcome> outcome) {
        try {
            return outcome.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PublishOutcome.retry("interrupted");
        } catch (Exception e) {
            return PublishOutcome.retry("no acknowledgement: " + e.getClass().getSimpleName());
        }
    }

    private void noteFailure(String reason) {
        meters.failed();
        lastFailure = reason;
        lastFailureNanos = System.nanoTime();
        LOG.warnf("rule %s: publishing failed (%s); the records are tried again", rule.name(), reason);
    }

    private void backOff() {
        failuresInARow++;
        sleep(Math.min(maxDelay.toMillis(), minDelay.toMillis() << Math.min(failuresInARow - 1, 16)));
    }

    private void updateLag() {
        long lag = 0;
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong behind = consumer.currentLag(partition);
            if (behind.isPresent()) {
                lag += behind.getAsLong();
            }
        }
        meters.lag(lag);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        stopping = true;
        try {
            // The loop ends after its batch is committed; waking the consumer earlier would lose that commit.
            thread.join(TimeUnit.SECONDS.toMillis(ACK_TIMEOUT_SECONDS));
            if (thread.isAlive()) {
                consumer.wakeup();
                thread.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.stop();
        try {
            deadLetterProducer.close();
        } catch (Exception e) {
            LOG.debugf("rule %s: closing the dead-letter producer: %s", rule.name(), e.getMessage());
        }
    }

    @Override
    public RuleHealth health() {
        if (!connection.connected()) {
            return RuleHealth.down("mqtt: " + connection.problem());
        }
        RuleHealth kafka = reachability.health();
        if (!kafka.up()) {
            return kafka;
        }
        if (lastFailureNanos == Long.MAX_VALUE
                || lastFailureNanos != 0 && System.nanoTime() - lastFailureNanos < unhealthyAfter.toNanos()) {
            return RuleHealth.down(lastFailure);
        }
        return RuleHealth.up("consuming " + String.join(",", rule.kafkaTopics()));
    }

    private record Pending(ConsumerRecord<byte[], byte[]> record, long ticket, CompletableFuture<PublishOutcome> outcome) {
    }
}
