package io.starlingmq.store;

/**
 * A message to publish later.
 *
 * @param dueAtMillis when to publish it (epoch milliseconds)
 * @param message     the message as it will be published: its target topic, publisher, QoS, retain flag and
 *                    properties
 */
public record DelayedMessage(long dueAtMillis, StoredMessage message) {
}
