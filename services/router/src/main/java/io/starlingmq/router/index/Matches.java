package io.starlingmq.router.index;

import io.starlingmq.store.Subscription;

import java.util.List;
import java.util.Map;

/**
 * What a topic matched in the {@link SubscriptionIndex}.
 *
 * @param bySession    every matching non-shared subscription, per client id
 * @param sharedGroups the members of every matching shared subscription group, keyed by the group's filter as
 *                     subscribed ({@code $share/{group}/{filter}})
 */
public record Matches(Map<String, List<Subscription>> bySession, Map<String, List<Member>> sharedGroups) {

    /** One session's subscription to a shared group. */
    public record Member(String clientId, Subscription subscription) {
    }

    public boolean isEmpty() {
        return bySession.isEmpty() && sharedGroups.isEmpty();
    }
}
