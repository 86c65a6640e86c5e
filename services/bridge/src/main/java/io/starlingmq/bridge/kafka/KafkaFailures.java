package io.starlingmq.bridge.kafka;

import io.starlingmq.bridge.mqtt.PoisonMessageException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/** Which Kafka failures no retry can cure for this one record (they make it a dead letter). */
final class KafkaFailures {

    private KafkaFailures() {
    }

    static Throwable classify(Throwable failure) {
        if (failure instanceof RecordTooLargeException || failure instanceof RecordBatchTooLargeException
                || failure instanceof InvalidTopicException || failure instanceof SerializationException) {
            return new PoisonMessageException("kafka refused the record: " + failure.getClass().getSimpleName()
                    + ": " + failure.getMessage());
        }
        return failure;
    }
}
