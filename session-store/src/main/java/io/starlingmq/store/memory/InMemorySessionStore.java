package io.starlingmq.store.memory;

import io.smallrye.mutiny.Uni;
import io.starlingmq.store.AckResult;
import io.starlingmq.store.Ban;
import io.starlingmq.store.BanKind;
import io.starlingmq.store.Change;
import io.starlingmq.store.CloseResult;
import io.starlingmq.store.EndedSession;
import io.starlingmq.store.EnqueueResult;
import io.starlingmq.store.Holder;
import io.starlingmq.store.MessageCodec;
import io.starlingmq.store.OpenResult;
import io.starlingmq.store.QueuedDelivery;
import io.starlingmq.store.SessionAcks;
import io.starlingmq.store.SessionRules;
import io.starlingmq.store.SessionSpec;
import io.starlingmq.store.SessionStore;
import io.starlingmq.store.Snapshot;
import io.starlingmq.store.StoreLimits;
import io.starlingmq.store.StoredMessage;
import io.starlingmq.store.Subscription;
import io.starlingmq.store.Will;
import io.starlingmq.store.WillRules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The embedded {@link SessionStore}: all state in an {@link InMemoryBackend}, nothing survives a restart.
 * Several instances over one backend behave like several routers over one Redis.
 */
public final class InMemorySessionStore implements SessionStore {

    private final InMemoryBackend backend;
    private final StoreLimits limits;
    private final String origin = UUID.randomUUID().toString();
    private final List<InMemoryChangeFollower> followers = new CopyOnWriteArrayList<>();

    public InMemorySessionStore(InMemoryBackend backend, StoreLimits limits) {
        this.backend = backend;
        this.limits = limits;
    }

    @Override
    public Uni<OpenResult> open(SessionSpec spec, Holder holder) {
        return locked(() -> {
            String clientId = spec.clientId();
            InMemorySession session = backend.sessions.get(clientId);
            Holder previousHolder = null;
            List<String> removedFilters = List.of();
            List<StoredMessage> orphaned = List.of();
            boolean present = false;
            if (session != null) {
                if (session.holder != null && !session.holder.equals(holder)) {
                    previousHolder = session.holder;
                }
                if (spec.cleanStart() || session.expiredAt(now())) {
                    removedFilters = List.copyOf(session.subscriptions.keySet());
                    orphaned = session.sharedEntries();
                    session = null;
                } else {
                    present = true;
                }
            }
            long createdAt = now();
            if (session == null) {
                session = new InMemorySession();
                backend.sessions.put(clientId, session);
            } else {
                createdAt = session.info.createdAt();
            }
            session.info = spec.info(createdAt, now());
            session.holder = holder;
            session.persistent = spec.persistent();
            session.window = SessionRules.window(spec, limits);
            session.expiresAt = SessionRules.NO_EXPIRY;
            List<QueuedDelivery> deliveries = new ArrayList<>();
            int expired = 0;
            if (present) {
                deliveries.addAll(session.inflightForResend());
                InMemorySession.Released released = session.release(now());
                deliveries.addAll(released.deliveries());
                expired = released.expired();
            }
            removedFilters.forEach(filter -> publish(new Change.SubscriptionRemoved(clientId, filter)));
            publish(new Change.SessionOnline(clientId, holder, spec.persistent(), session.info));
            return new OpenResult(previousHolder, present, removedFilters, deliveries, expired, orphaned, session.info);
        });
    }

    @Override
    public Uni<CloseResult> close(String clientId, Holder holder, long expirySeconds) {
        return locked(() -> {
            InMemorySession session = backend.sessions.get(clientId);
            if (session == null || !session.heldBy(holder)) {
                return new CloseResult(false, false, List.of(), List.of());
            }
            if (expirySeconds == 0) {
                backend.sessions.remove(clientId);
                List<String> removedFilters = List.copyOf(session.subscriptions.keySet());
                publishEnded(clientId, removedFilters);
                return new CloseResult(true, true, removedFilters, session.sharedEntries());
            }
            session.holder = null;
            session.persistent = true;
            session.info = session.info.disconnected(now());
            session.expiresAt = SessionRules.expiresAt(now(), expirySeconds);
            publish(new Change.SessionOffline(clientId, false));
            return new CloseResult(true, false, List.of(), List.of());
        });
    }

    @Override
    public Uni<List<Boolean>> subscribe(String clientId, List<Subscription> subscriptions) {
        return locked(() -> {
            InMemorySession session = existing(clientId);
            List<Boolean> existed = new ArrayList<>(subscriptions.size());
            for (Subscription subscription : subscriptions) {
                existed.add(session.subscriptions.put(subscription.filter(), subscription) != null);
                publish(new Change.SubscriptionAdded(clientId, subscription));
            }
            return existed;
        });
    }

    @Override
    public Uni<List<Boolean>> unsubscribe(String clientId, List<String> filters) {
        return locked(() -> {
            InMemorySession session = existing(clientId);
            List<Boolean> existed = new ArrayList<>(filters.size());
            for (String filter : filters) {
                boolean removed = session.subscriptions.remove(filter) != null;
                existed.add(removed);
                if (removed) {
                    publish(new Change.SubscriptionRemoved(clientId, filter));
                }
            }
            return existed;
        });
    }

    @Override
    public Uni<Map<String, EnqueueResult>> enqueue(Map<String, List<StoredMessage>> messagesByClient) {
        return locked(() -> {
            Map<String, EnqueueResult> results = new LinkedHashMap<>();
            long now = now();
            messagesByClient.forEach((clientId, messages) -> {
                InMemorySession session = backend.sessions.get(clientId);
                if (session == null || session.expiredAt(now)) {
                    results.put(clientId, new EnqueueResult(null, List.of(), 0, true, 0));
                } else if (!session.persistent) {
                    results.put(clientId, new EnqueueResult(session.holder, List.of(), messages.size(), false, 0));
                } else {
                    int dropped = session.enqueue(messages, limits.maxQueuedFor(clientId));
                    InMemorySession.Released released = session.holder == null ? InMemorySession.Released.NONE
                            : session.release(now);
                    results.put(clientId, new EnqueueResult(session.holder, released.deliveries(), dropped, false,
                            released.expired()));
                }
            });
            return results;
        });
    }

    @Override
    public Uni<AckResult> ack(String clientId, Holder holder, List<Integer> packetIds) {
        return locked(() -> acknowledge(clientId, holder, packetIds));
    }

    @Override
    public Uni<List<AckResult>> ackAll(List<SessionAcks> acks) {
        return locked(() -> acks.stream().map(a -> acknowledge(a.clientId(), a.holder(), a.packetIds())).toList());
    }

    /** Called under the backend's lock. */
    private AckResult acknowledge(String clientId, Holder holder, List<Integer> packetIds) {
        InMemorySession session = backend.sessions.get(clientId);
        if (session == null || !session.heldBy(holder)) {
            return new AckResult(null, List.of(), 0);
        }
        session.acknowledge(packetIds);
        InMemorySession.Released released = session.release(now());
        return new AckResult(holder, released.deliveries(), released.expired());
    }

    @Override
    public Uni<List<Integer>> markReleased(String clientId, Holder holder, List<Integer> packetIds) {
        return locked(() -> {
            InMemorySession session = backend.sessions.get(clientId);
            if (session == null || !session.heldBy(holder)) {
                return List.of();
            }
            return session.markReleased(packetIds);
        });
    }

    @Override
    public Uni<Set<Integer>> receivedAlready(String clientId, List<Integer> packetIds) {
        return locked(() -> {
            InMemorySession session = backend.sessions.get(clientId);
            Set<Integer> already = new LinkedHashSet<>();
            if (session != null) {
                packetIds.stream().filter(session::received).forEach(already::add);
            }
            return already;
        });
    }

    @Override
    public Uni<Void> markReceived(String clientId, List<Integer> packetIds) {
        return locked(() -> {
            InMemorySession session = backend.sessions.get(clientId);
            if (session != null) {
                packetIds.forEach(packetId -> session.markReceived(packetId, limits.maxReceivedPerSession()));
            }
            return null;
        });
    }

    @Override
    public Uni<Boolean> forgetReceived(String clientId, Holder holder, int packetId) {
        return locked(() -> {
            InMemorySession session = backend.sessions.get(clientId);
            return session != null && session.heldBy(holder) && session.forgetReceived(packetId);
        });
    }

    @Override
    public Uni<Void> retain(StoredMessage message) {
        return locked(() -> {
            if (message.payload() == null || message.payload().length == 0) {
                if (backend.retained.remove(message.topic()) != null) {
                    publish(new Change.RetainedCleared(message.topic()));
                }
            } else {
                backend.retained.put(message.topic(), message);
                publish(new Change.RetainedSet(message));
            }
            return null;
        });
    }

    @Override
    public Uni<Boolean> dropRetained(StoredMessage expired) {
        return locked(() -> {
            StoredMessage current = backend.retained.get(expired.topic());
            if (current == null
                    || !Arrays.equals(MessageCodec.encode(current), MessageCodec.encode(expired))) {
                return false;
            }
            backend.retained.remove(expired.topic());
            publish(new Change.RetainedCleared(expired.topic()));
            return true;
        });
    }

    @Override
    public Uni<StoredMessage> putWill(String clientId, Holder holder, Will will, boolean cleanStart) {
        return locked(() -> {
            PendingWill previous = will == null ? backend.wills.remove(clientId)
                    : backend.wills.put(clientId, new PendingWill(holder, will, PendingWill.NOT_SCHEDULED));
            if (previous == null || previous.owner().equals(holder)) {
                return null;
            }
            boolean liveWithoutDelay = !previous.scheduled() && previous.will().delaySeconds() == 0;
            return cleanStart || liveWithoutDelay ? previous.will().message() : null;
        });
    }

    @Override
    public Uni<StoredMessage> endWill(String clientId, Holder holder, boolean send, long expirySeconds) {
        return locked(() -> {
            PendingWill pending = backend.wills.get(clientId);
            if (pending == null || pending.scheduled() || !pending.owner().equals(holder)) {
                return null;
            }
            long delay = WillRules.effectiveDelay(pending.will().delaySeconds(), expirySeconds);
            if (!send || delay == 0) {
                backend.wills.remove(clientId);
                return send ? pending.will().message() : null;
            }
            backend.wills.put(clientId, new PendingWill(holder, pending.will(), now() + delay * 1000));
            return null;
        });
    }

    @Override
    public Uni<List<StoredMessage>> willsDue(long nowMillis) {
        return locked(() -> {
            List<StoredMessage> due = new ArrayList<>();
            backend.wills.values().removeIf(pending -> {
                boolean isDue = pending.scheduled() && pending.dueAtMillis() <= nowMillis;
                if (isDue) {
                    due.add(pending.will().message());
                }
                return isDue;
            });
            return due;
        });
    }

    @Override
    public Uni<List<StoredMessage>> queued(String clientId, long offset, int limit) {
        return locked(() -> {
            InMemorySession session = backend.sessions.get(clientId);
            return session == null ? List.<StoredMessage>of() : session.queuedPage(offset, Math.max(0, limit));
        });
    }

    @Override
    public Uni<List<QueuedDelivery>> inflight(String clientId, long offset, int limit) {
        return locked(() -> {
            InMemorySession session = backend.sessions.get(clientId);
            return session == null ? List.<QueuedDelivery>of() : session.inflightPage(offset, Math.max(0, limit));
        });
    }

    @Override
    public Uni<Void> ban(Ban ban) {
        return locked(() -> {
            backend.bans.put(ban.key(), ban);
            publish(new Change.BanAdded(ban));
            return null;
        });
    }

    @Override
    public Uni<Boolean> unban(BanKind kind, String who) {
        return locked(() -> {
            boolean removed = backend.bans.remove(new Ban(kind, who, "", "", 0, Ban.FOREVER).key()) != null;
            if (removed) {
                publish(new Change.BanRemoved(kind, who));
            }
            return removed;
        });
    }

    @Override
    public Uni<Integer> dropLapsedBans(long nowMillis) {
        return locked(() -> {
            List<Ban> lapsed = backend.bans.values().stream().filter(ban -> ban.lapsedAt(nowMillis)).toList();
            for (Ban ban : lapsed) {
                backend.bans.remove(ban.key());
                publish(new Change.BanRemoved(ban.kind(), ban.who()));
            }
            return lapsed.size();
        });
    }

    @Override
    public Uni<List<EndedSession>> expireDue(long nowMillis) {
        return locked(() -> {
            List<String> due = new ArrayList<>();
            backend.sessions.forEach((clientId, session) -> {
                if (session.expiredAt(nowMillis)) {
                    due.add(clientId);
                }
            });
            List<EndedSession> expired = new ArrayList<>(due.size());
            for (String clientId : due) {
                InMemorySession session = backend.sessions.remove(clientId);
                publishEnded(clientId, List.copyOf(session.subscriptions.keySet()));
                expired.add(new EndedSession(clientId, session.sharedEntries()));
            }
            return expired;
        });
    }

    @Override
    public Uni<Snapshot> snapshot() {
        return locked(() -> {
            String cursor = Long.toString(backend.changes.lastSequence());
            List<Change.SubscriptionAdded> subscriptions = new ArrayList<>();
            List<Change.SessionOnline> sessions = new ArrayList<>();
            backend.sessions.forEach((clientId, session) -> {
                session.subscriptions.values()
                        .forEach(subscription -> subscriptions.add(new Change.SubscriptionAdded(clientId, subscription)));
                sessions.add(new Change.SessionOnline(clientId, session.holder, session.persistent, session.info));
            });
            return new Snapshot(subscriptions, sessions, List.copyOf(backend.retained.values()),
                    List.copyOf(backend.bans.values()), cursor);
        });
    }

    @Override
    public void follow(String cursor, Consumer<Change> listener) {
        long position;
        try {
            position = Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a cursor of the in-memory store: " + cursor, e);
        }
        InMemoryChangeFollower follower = new InMemoryChangeFollower(backend.changes, origin, position, listener);
        followers.add(follower);
        follower.start();
    }

    @Override
    public void close() {
        followers.forEach(InMemoryChangeFollower::stop);
        followers.clear();
    }

    private InMemorySession existing(String clientId) {
        InMemorySession session = backend.sessions.get(clientId);
        if (session == null) {
            throw new IllegalStateException("no session for client " + clientId);
        }
        return session;
    }

    private void publishEnded(String clientId, List<String> removedFilters) {
        removedFilters.forEach(filter -> publish(new Change.SubscriptionRemoved(clientId, filter)));
        publish(new Change.SessionOffline(clientId, true));
    }

    private void publish(Change change) {
        backend.changes.append(origin, change);
    }

    private long now() {
        return backend.clock.millis();
    }

    private <T> Uni<T> locked(Supplier<T> step) {
        return Uni.createFrom().item(() -> {
            backend.lock.lock();
            try {
                return step.get();
            } finally {
                backend.lock.unlock();
            }
        });
    }
}
