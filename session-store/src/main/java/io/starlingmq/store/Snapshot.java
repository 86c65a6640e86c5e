package io.starlingmq.store;

import java.util.List;

/**
 * @param subscriptions all subscriptions of all sessions
 * @param sessions      all sessions with their holder (null while offline)
 * @param retained      all retained messages
 * @param bans          the banned list, lapsed entries included until they are swept
 * @param cursor        the change feed position this snapshot reflects
 */
public record Snapshot(List<Change.SubscriptionAdded> subscriptions, List<Change.SessionOnline> sessions,
                       List<StoredMessage> retained, List<Ban> bans, String cursor) {
}
