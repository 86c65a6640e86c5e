package io.starlingmq.store;

/** A message the store assigned a packet id to; {@code dup} when it is a resend. */
public record QueuedDelivery(int packetId, StoredMessage message, boolean dup) {
}
