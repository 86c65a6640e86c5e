package io.starlingmq.router.routing;

/** How one member of a shared subscription group is chosen for a message. */
public enum SharedSubscriptionStrategy {
    /** Members take turns. */
    ROUND_ROBIN,
    /** A member chosen at random for each message. */
    RANDOM,
    /** The same member for every message of one publisher (hash of its client id), while the group stays the same. */
    HASH_CLIENTID
}
