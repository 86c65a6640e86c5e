package io.starlingmq.store;

import java.util.List;

/**
 * @param previousHolder  the connection that held the session before (to be disconnected), or null
 * @param sessionPresent  whether an existing session was resumed
 * @param removedFilters  subscriptions of a discarded previous session (clean start), to drop from indexes
 * @param deliveries      inflight messages to resend (dup), then newly released ones, in order
 * @param expired         queued messages dropped instead of released because their expiry interval had passed
 * @param orphanedShared  queued and inflight messages of a discarded previous session that came through a shared
 *                        subscription, for other members of their groups
 * @param info            what listings show of the session now
 */
public record OpenResult(Holder previousHolder, boolean sessionPresent, List<String> removedFilters,
                         List<QueuedDelivery> deliveries, int expired, List<StoredMessage> orphanedShared,
                         ClientInfo info) {
}
