package io.starlingmq.store;

import java.util.List;

/**
 * @param applied        false when the holder no longer held the session (nothing changed)
 * @param ended          the session was removed (expiry 0)
 * @param removedFilters its subscriptions, removed with it
 * @param orphanedShared its queued and inflight messages that came through a shared subscription, for other
 *                       members of their groups (only when it ended)
 */
public record CloseResult(boolean applied, boolean ended, List<String> removedFilters,
                          List<StoredMessage> orphanedShared) {
}
