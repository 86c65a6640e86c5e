package io.starlingmq.store;

import java.util.List;

/** @param released queued messages released into the freed window, to send to {@code holder} */
public record AckResult(Holder holder, List<QueuedDelivery> released) {
}
