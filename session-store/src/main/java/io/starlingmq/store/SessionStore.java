package io.starlingmq.store;

import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * All state that must outlive a connection: sessions, subscriptions, per-session queues and inflight
 * windows, retained messages. Each method is one atomic step for one session (a Redis function call
 * in the Redis implementation), so a router may die between any two calls without corrupting a
 * session.
 *
 * <p>A connection is named by its {@link Holder}. Calls that act for a connection carry its holder;
 * the store ignores a call whose holder no longer holds the session (a connection that was taken over
 * must not ack or close the session of its successor).
 *
 * <p>Every change that other routers' indexes must see (subscriptions, sessions going on- and offline,
 * retained messages, bans) is also published on a change feed; {@link #follow} delivers the changes made
 * through other store instances, never the caller's own (it has applied those already).
 */
public interface SessionStore extends AutoCloseable {

    /**
     * Registers a new connection for {@code spec.clientId()}. With clean start the previous session
     * (subscriptions, queue, inflight) is discarded; otherwise it is resumed: its inflight messages come
     * back first (to resend with DUP, same packet ids), then queued ones released into the window.
     */
    Uni<OpenResult> open(SessionSpec spec, Holder holder);

    /**
     * The connection ended. If {@code holder} still holds the session: with expiry 0 the session and its
     * subscriptions are removed; otherwise it goes offline and expires after {@code expirySeconds}
     * ({@link SessionSpec#NEVER_EXPIRES} for never). A stale holder changes nothing.
     */
    Uni<CloseResult> close(String clientId, Holder holder, long expirySeconds);

    /** Adds or replaces subscriptions of a session. Answers, per subscription, whether it existed before. */
    Uni<List<Boolean>> subscribe(String clientId, List<Subscription> subscriptions);

    /** Removes subscriptions. Answers, per filter, whether it existed. */
    Uni<List<Boolean>> unsubscribe(String clientId, List<String> filters);

    /**
     * Appends QoS 1/2 messages to persistent sessions' queues, in order, and assigns packet ids to as
     * many as the session's window allows while it is online. One atomic step per session. A full
     * queue drops the newest messages and counts them.
     */
    Uni<Map<String, EnqueueResult>> enqueue(Map<String, List<StoredMessage>> messagesByClient);

    /**
     * The subscriber acknowledged these packet ids with PUBACK (QoS 1) or PUBCOMP (QoS 2); frees them and
     * releases queued messages.
     */
    Uni<AckResult> ack(String clientId, Holder holder, List<Integer> packetIds);

    /**
     * {@link #ack} for several sessions at once: one atomic step per entry, sent together (one round trip to
     * Redis), so a frame's acknowledgements do not wait for each other. Answers one result per entry, in order.
     */
    Uni<List<AckResult>> ackAll(List<SessionAcks> acks);

    /**
     * {@link #ackAll} and then {@link #enqueue}, each session's steps still atomic: the acknowledgements
     * take effect first, so a message appended here may take a slot they freed. A store that can sends
     * both together (one round trip to Redis instead of two).
     */
    default Uni<AcksThenQueued> ackAllThenEnqueue(List<SessionAcks> acks,
            Map<String, List<StoredMessage>> messagesByClient) {
        return ackAll(acks).chain(acked -> enqueue(messagesByClient)
                .map(queued -> new AcksThenQueued(acked, queued)));
    }

    /**
     * The subscriber answered these QoS 2 deliveries with PUBREC: each inflight entry moves from "PUBLISH
     * sent" to "PUBREL sent" and keeps its window slot until {@link #ack}. On resume such entries come back
     * with {@link QueuedDelivery#released()} set. Answers the packet ids that are now in that state (ids
     * not inflight are left out); empty for a stale holder.
     */
    Uni<List<Integer>> markReleased(String clientId, Holder holder, List<Integer> packetIds);

    /**
     * Inbound QoS 2: which of these packet ids of publisher {@code clientId} are in its received set
     * (routed, PUBREL not seen yet). A PUBLISH with such an id is a resend and must not be routed again.
     * Empty when the session does not exist.
     */
    Uni<Set<Integer>> receivedAlready(String clientId, List<Integer> packetIds);

    /**
     * Inbound QoS 2: records packet ids of publisher {@code clientId} as received, once their messages are
     * routed. The set is bounded by {@link StoreLimits#maxReceivedPerSession()}: past it the oldest id is
     * forgotten. Nothing is recorded when the session does not exist.
     */
    Uni<Void> markReceived(String clientId, List<Integer> packetIds);

    /**
     * Inbound QoS 2: the publisher's PUBREL; removes the packet id from its received set. Answers whether
     * it was there (false: PUBCOMP 0x92). A stale holder changes nothing and gets false.
     */
    Uni<Boolean> forgetReceived(String clientId, Holder holder, int packetId);

    /**
     * Gives the session's will to the connection {@code holder} (just opened), or removes it when
     * {@code will} is null. Answers the previous connection's will when it must be published now, else null:
     * <ul>
     * <li>{@code cleanStart}: the new connection discards the session, which ends the previous will's wait,
     * whatever its delay, and whether its connection was still live or already gone;</li>
     * <li>otherwise only the will of a live connection taken over that has no delay. A will with a delay is
     * cancelled: a new connection to the session came before the delay elapsed [MQTT-3.1.3-9].</li>
     * </ul>
     */
    Uni<StoredMessage> putWill(String clientId, Holder holder, Will will, boolean cleanStart);

    /**
     * The connection {@code holder} ended. Without {@code send} (a normal DISCONNECT) its will is removed.
     * With {@code send} (connection lost, DISCONNECT 0x04) it is published after its delay, or when the
     * session ends ({@code expirySeconds}) if that comes first: a will due now is removed and answered,
     * a later one is scheduled durably for {@link #willsDue}. A will of another connection is left alone
     * (null).
     */
    Uni<StoredMessage> endWill(String clientId, Holder holder, boolean send, long expirySeconds);

    /** Removes and answers the scheduled wills whose time has come. */
    Uni<List<StoredMessage>> willsDue(long nowMillis);

    /** Stores a retained message for its topic; an empty payload clears the topic. */
    Uni<Void> retain(StoredMessage message);

    /**
     * Removes the retained message of {@code expired.topic()} if it is still {@code expired} (found past its
     * expiry); a message retained for the topic since then stays. Answers whether it was removed.
     */
    Uni<Boolean> dropRetained(StoredMessage expired);

    /**
     * A page of the session's queue (messages waiting for its window), oldest first, leaving out the first
     * {@code offset}. Empty when the session does not exist or holds none.
     */
    Uni<List<StoredMessage>> queued(String clientId, long offset, int limit);

    /**
     * A page of the session's inflight window (sent, not yet acknowledged), in the order their packet ids were
     * assigned, each with its packet id and whether its PUBREC was recorded ({@link QueuedDelivery#released()}).
     */
    Uni<List<QueuedDelivery>> inflight(String clientId, long offset, int limit);

    /** Makes a ban, or replaces the one of the same kind and subject; every router's replica follows. */
    Uni<Void> ban(Ban ban);

    /** Lifts the ban of this kind and subject. Answers whether there was one. */
    Uni<Boolean> unban(BanKind kind, String who);

    /** Removes the bans lapsed by {@code nowMillis} (a ban replaced since it was read stays). Answers how many. */
    Uni<Integer> dropLapsedBans(long nowMillis);

    /**
     * Removes offline sessions whose expiry passed; answers them with their messages that came through a
     * shared subscription.
     */
    Uni<List<EndedSession>> expireDue(long nowMillis);

    /** Everything an index needs at start, plus where the change feed stood when it was read. */
    Uni<Snapshot> snapshot();

    /**
     * Delivers, in order, the changes made through other store instances after {@code cursor}
     * (from {@link Snapshot#cursor()}), until {@link #close()}.
     */
    void follow(String cursor, Consumer<Change> listener);

    @Override
    void close();
}
