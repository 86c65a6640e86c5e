package io.starlingmq.store;

/**
 * A delayed message as listings show it.
 *
 * @param id          the store's id of it (what {@link DelayedMessages#remove} takes)
 * @param dueAtMillis when it is published (while a router has it claimed, the end of that claim)
 */
public record ScheduledMessage(String id, long dueAtMillis, StoredMessage message) {
}
