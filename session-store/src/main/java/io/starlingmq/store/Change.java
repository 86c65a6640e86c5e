package io.starlingmq.store;

/** One entry of the change feed that keeps every router's indexes in step. */
public sealed interface Change {

    record SubscriptionAdded(String clientId, Subscription subscription) implements Change {
    }

    record SubscriptionRemoved(String clientId, String filter) implements Change {
    }

    /** A session got a connection ({@code holder}), or, with a null holder, exists offline. */
    record SessionOnline(String clientId, Holder holder, boolean persistent) implements Change {
    }

    /** A session lost its connection; {@code ended} when the session is gone with it. */
    record SessionOffline(String clientId, boolean ended) implements Change {
    }

    record RetainedSet(StoredMessage message) implements Change {
    }

    record RetainedCleared(String topic) implements Change {
    }
}
