package io.starlingmq.store;

import java.util.List;

/**
 * @param released queued messages released into the freed window, to send to {@code holder}
 * @param expired  queued messages dropped on the way because their expiry interval had passed
 */
public record AckResult(Holder holder, List<QueuedDelivery> released, int expired) {
}
