package io.starlingmq.store;

import java.util.List;

/**
 * A session the store removed because its expiry passed.
 *
 * @param orphanedShared its queued and inflight messages that came through a shared subscription, for other
 *                       members of their groups
 */
public record EndedSession(String clientId, List<StoredMessage> orphanedShared) {
}
