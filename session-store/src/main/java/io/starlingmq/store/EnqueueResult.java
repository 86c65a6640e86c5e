package io.starlingmq.store;

import java.util.List;

/**
 * @param holder      the connection to send {@code assigned} to, or null when the session is offline
 * @param assigned    messages given packet ids now, in order
 * @param dropped     messages dropped because the queue was full
 * @param sessionGone the session no longer exists (expired); nothing was queued
 * @param expired     queued messages dropped while releasing because their expiry interval had passed
 */
public record EnqueueResult(Holder holder, List<QueuedDelivery> assigned, int dropped, boolean sessionGone,
                            int expired) {
}
