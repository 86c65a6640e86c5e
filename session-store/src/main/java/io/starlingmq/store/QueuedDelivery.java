package io.starlingmq.store;

/**
 * A message the store assigned a packet id to.
 *
 * @param dup      a resend: the connection that got it before may have seen it
 * @param released a QoS 2 delivery whose PUBREC was recorded ("PUBREL sent"): resend it as PUBREL with
 *                 the same packet id, never as PUBLISH again; false means "PUBLISH sent"
 */
public record QueuedDelivery(int packetId, StoredMessage message, boolean dup, boolean released) {

    public QueuedDelivery(int packetId, StoredMessage message, boolean dup) {
        this(packetId, message, dup, false);
    }
}
