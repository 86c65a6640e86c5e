package io.starlingmq.store;

/** One entry of the change feed that keeps every router's indexes in step. */
public sealed interface Change {

    record SubscriptionAdded(String clientId, Subscription subscription) implements Change {
    }

    record SubscriptionRemoved(String clientId, String filter) implements Change {
    }

    /**
     * A session got a connection ({@code holder}), or, with a null holder, exists offline; {@code info} is what
     * listings show of it.
     */
    record SessionOnline(String clientId, Holder holder, boolean persistent, ClientInfo info) implements Change {
    }

    /** A session lost its connection; {@code ended} when the session is gone with it. */
    record SessionOffline(String clientId, boolean ended) implements Change {
    }

    record RetainedSet(StoredMessage message) implements Change {
    }

    record RetainedCleared(String topic) implements Change {
    }

    /** A ban was made or replaced. */
    record BanAdded(Ban ban) implements Change {
    }

    /** A ban was lifted or lapsed. */
    record BanRemoved(BanKind kind, String who) implements Change {
    }
}
