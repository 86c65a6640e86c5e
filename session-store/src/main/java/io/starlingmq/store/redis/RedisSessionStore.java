package io.starlingmq.store.redis;

import io.smallrye.mutiny.Uni;
import io.starlingmq.store.AckResult;
import io.starlingmq.store.AcksThenQueued;
import io.starlingmq.store.Ban;
import io.starlingmq.store.BanKind;
import io.starlingmq.store.Change;
import io.starlingmq.store.ChangeCodec;
import io.starlingmq.store.ClientConnect;
import io.starlingmq.store.ClientInfo;
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
import io.starlingmq.store.SubscriptionCodec;
import io.starlingmq.store.Will;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The {@link SessionStore} on Redis. Each per-session step is one FCALL of the {@code starling} function
 * library; the global indexes and the change stream are updated by a second, ordered series of commands
 * (see the module README for what a crash between the two means).
 */
public final class RedisSessionStore implements SessionStore {

    private static final String LIBRARY = "/io/starlingmq/store/starling.lua";

    private final RedisCommands commands;
    private final Redis redis;
    private final StoreLimits limits;
    private final RedisStoreSettings settings;
    private final InstantSource clock;
    private final String origin = UUID.randomUUID().toString();
    private final List<RedisChangeFollower> followers = new CopyOnWriteArrayList<>();
    private final RedisWills wills;

    private RedisSessionStore(Redis redis, RedisCommands commands, StoreLimits limits, RedisStoreSettings settings,
                              InstantSource clock) {
        this.redis = redis;
        this.commands = commands;
        this.limits = limits;
        this.settings = settings;
        this.clock = clock;
        this.wills = new RedisWills(commands, clock::millis, settings.expireBatchSize());
    }

    public static Uni<RedisSessionStore> connect(Redis redis, StoreLimits limits) {
        return connect(redis, limits, RedisStoreSettings.DEFAULTS, InstantSource.system());
    }

    /** @param clock the time session expiry is measured by */
    public static Uni<RedisSessionStore> connect(Redis redis, StoreLimits limits, RedisStoreSettings settings,
                                                 InstantSource clock) {
        return RedisCommands.connect(redis, settings.replicaWait(), library())
                .map(commands -> new RedisSessionStore(redis, commands, limits, settings, clock));
    }

    @Override
    public Uni<OpenResult> open(SessionSpec spec, Holder holder) {
        String clientId = spec.clientId();
        long now = now();
        ClientConnect connect = spec.connect();
        return commands.send(RedisCommands.fcall("starling_open", clientId, List.of(holder.gatewayId(),
                        Long.toString(holder.connectionId()), flag(spec.cleanStart()), flag(spec.persistent()),
                        SessionRules.window(spec, limits), now, connect.username(), connect.peerAddress(),
                        connect.protocolVersion(), connect.keepAlive(), spec.expirySeconds())))
                .chain(answer -> {
                    String previousGateway = answer.get(0).toString();
                    Holder previous = previousGateway.isEmpty() ? null
                            : new Holder(previousGateway, Long.parseLong(answer.get(1).toString()));
                    List<String> removed = RedisCommands.strings(answer.get(3));
                    GlobalUpdate update = new GlobalUpdate();
                    update.removeRoutes(clientId, removed);
                    ClientInfo info = spec.info(Long.parseLong(answer.get(7).toString()), now);
                    Change.SessionOnline online = new Change.SessionOnline(clientId, holder, spec.persistent(), info);
                    update.setSession(online);
                    update.publish(online);
                    return commands.inOrder(update.requests()).replaceWith(new OpenResult(previous,
                            answer.get(2).toInteger() == 1, removed, RedisAnswers.deliveries(answer.get(4)),
                            answer.get(5).toInteger(), RedisAnswers.messages(answer.get(6)), info));
                });
    }

    @Override
    public Uni<CloseResult> close(String clientId, Holder holder, long expirySeconds) {
        boolean ending = expirySeconds == 0;
        long expiresAt = SessionRules.expiresAt(now(), expirySeconds);
        // scheduled before the session goes offline, so a crash in between cannot leave an offline
        // session that never expires; expireDue drops entries of sessions that stayed online
        Uni<Void> schedule = ending || expiresAt == SessionRules.NO_EXPIRY ? Uni.createFrom().voidItem()
                : commands.send(RedisCommands.request(Command.ZADD, RedisKeys.EXPIRY, expiresAt, clientId))
                .replaceWithVoid();
        return schedule
                .chain(() -> commands.send(RedisCommands.fcall("starling_close", clientId, List.of(
                        holder.gatewayId(), Long.toString(holder.connectionId()), flag(ending), expiresAt))))
                .chain(answer -> {
                    if (answer.get(0).toInteger() == 0) {
                        return Uni.createFrom().item(new CloseResult(false, false, List.of(), List.of()));
                    }
                    boolean ended = answer.get(1).toInteger() == 1;
                    List<String> removed = RedisCommands.strings(answer.get(2));
                    GlobalUpdate update = new GlobalUpdate();
                    if (ended) {
                        update.endSession(clientId, removed);
                    } else {
                        ClientInfo info = RedisAnswers.clientInfo(answer.get(4)).disconnected(now());
                        update.setSession(new Change.SessionOnline(clientId, null, true, info));
                        update.publish(new Change.SessionOffline(clientId, false));
                    }
                    return commands.inOrder(update.requests()).replaceWith(new CloseResult(true, ended, removed,
                            RedisAnswers.messages(answer.get(3))));
                });
    }

    @Override
    public Uni<List<Boolean>> subscribe(String clientId, List<Subscription> subscriptions) {
        if (subscriptions.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Object> args = new ArrayList<>();
        for (Subscription subscription : subscriptions) {
            args.add(subscription.filter());
            args.add(SubscriptionCodec.encode(subscription));
        }
        return sessionCall(RedisCommands.fcall("starling_subscribe", clientId, args), clientId)
                .chain(answer -> {
                    GlobalUpdate update = new GlobalUpdate();
                    subscriptions.forEach(subscription -> update.addRoute(clientId, subscription));
                    return commands.inOrder(update.requests()).replaceWith(RedisAnswers.flags(answer));
                });
    }

    @Override
    public Uni<List<Boolean>> unsubscribe(String clientId, List<String> filters) {
        if (filters.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return sessionCall(RedisCommands.fcall("starling_unsubscribe", clientId, filters), clientId)
                .chain(answer -> {
                    List<Boolean> existed = RedisAnswers.flags(answer);
                    List<String> removed = new ArrayList<>();
                    for (int i = 0; i < filters.size(); i++) {
                        if (existed.get(i)) {
                            removed.add(filters.get(i));
                        }
                    }
                    GlobalUpdate update = new GlobalUpdate();
                    update.removeRoutes(clientId, removed);
                    return commands.inOrder(update.requests()).replaceWith(existed);
                });
    }

    @Override
    public Uni<Map<String, EnqueueResult>> enqueue(Map<String, List<StoredMessage>> messagesByClient) {
        if (messagesByClient.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<String> clients = List.copyOf(messagesByClient.keySet());
        return commands.pipelined(enqueueRequests(clients, messagesByClient, now()), clients)
                .map(answers -> enqueueResults(clients, answers, 0));
    }

    private List<Request> enqueueRequests(List<String> clients, Map<String, List<StoredMessage>> messagesByClient,
            long now) {
        List<Request> requests = new ArrayList<>(clients.size());
        for (String clientId : clients) {
            List<StoredMessage> messages = messagesByClient.get(clientId);
            List<Object> args = new ArrayList<>(messages.size() + 2);
            args.add(limits.maxQueuedFor(clientId));
            args.add(now);
            messages.forEach(message -> args.add(MessageCodec.encode(message)));
            requests.add(RedisCommands.fcall("starling_enqueue", clientId, args));
        }
        return requests;
    }

    private static Map<String, EnqueueResult> enqueueResults(List<String> clients, List<Response> answers, int from) {
        Map<String, EnqueueResult> byClient = new LinkedHashMap<>();
        for (int i = 0; i < clients.size(); i++) {
            byClient.put(clients.get(i), RedisAnswers.enqueueResult(answers.get(from + i)));
        }
        return byClient;
    }

    /** Both kinds of calls in one pipeline: Redis runs a connection's commands in the order sent. */
    @Override
    public Uni<AcksThenQueued> ackAllThenEnqueue(List<SessionAcks> acks,
            Map<String, List<StoredMessage>> messagesByClient) {
        long now = now();
        List<String> clients = List.copyOf(messagesByClient.keySet());
        List<Request> requests = new ArrayList<>(ackRequests(acks, now));
        requests.addAll(enqueueRequests(clients, messagesByClient, now));
        if (requests.isEmpty()) {
            return Uni.createFrom().item(new AcksThenQueued(List.of(), Map.of()));
        }
        List<String> sessions = new ArrayList<>(requests.size());
        acks.forEach(a -> sessions.add(a.clientId()));
        sessions.addAll(clients);
        return commands.pipelined(requests, sessions).map(answers -> new AcksThenQueued(ackResults(acks, answers),
                enqueueResults(clients, answers, acks.size())));
    }

    @Override
    public Uni<AckResult> ack(String clientId, Holder holder, List<Integer> packetIds) {
        return commands.send(ackRequest(clientId, holder, packetIds, now()))
                .map(answer -> ackResult(holder, answer));
    }

    @Override
    public Uni<List<AckResult>> ackAll(List<SessionAcks> acks) {
        if (acks.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return commands.pipelined(ackRequests(acks, now()), acks.stream().map(SessionAcks::clientId).toList())
                .map(answers -> ackResults(acks, answers));
    }

    private static List<Request> ackRequests(List<SessionAcks> acks, long now) {
        List<Request> requests = new ArrayList<>(acks.size());
        for (SessionAcks a : acks) {
            requests.add(ackRequest(a.clientId(), a.holder(), a.packetIds(), now));
        }
        return requests;
    }

    private static List<AckResult> ackResults(List<SessionAcks> acks, List<Response> answers) {
        List<AckResult> results = new ArrayList<>(acks.size());
        for (int i = 0; i < acks.size(); i++) {
            results.add(ackResult(acks.get(i).holder(), answers.get(i)));
        }
        return results;
    }

    private static Request ackRequest(String clientId, Holder holder, List<Integer> packetIds, long now) {
        List<Object> args = new ArrayList<>(packetIds.size() + 3);
        args.add(holder.gatewayId());
        args.add(Long.toString(holder.connectionId()));
        args.add(now);
        args.addAll(packetIds);
        return RedisCommands.fcall("starling_ack", clientId, args);
    }

    private static AckResult ackResult(Holder holder, Response answer) {
        return answer.get(0).toInteger() == 0 ? new AckResult(null, List.of(), 0)
                : new AckResult(holder, RedisAnswers.deliveries(answer.get(1)), answer.get(2).toInteger());
    }

    @Override
    public Uni<List<Integer>> markReleased(String clientId, Holder holder, List<Integer> packetIds) {
        List<Object> args = new ArrayList<>();
        args.add(holder.gatewayId());
        args.add(Long.toString(holder.connectionId()));
        args.addAll(packetIds);
        return commands.send(RedisCommands.fcall("starling_mark_released", clientId, args))
                .map(answer -> answer.get(0).toInteger() == 0 ? List.of() : RedisAnswers.integers(answer.get(1)));
    }

    @Override
    public Uni<Set<Integer>> receivedAlready(String clientId, List<Integer> packetIds) {
        if (packetIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return commands.read(RedisCommands.fcall("starling_received_already", clientId, packetIds))
                .map(answer -> new LinkedHashSet<>(RedisAnswers.integers(answer)));
    }

    @Override
    public Uni<Void> markReceived(String clientId, List<Integer> packetIds) {
        if (packetIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Object> args = new ArrayList<>();
        args.add(limits.maxReceivedPerSession());
        args.addAll(packetIds);
        return commands.send(RedisCommands.fcall("starling_mark_received", clientId, args)).replaceWithVoid();
    }

    @Override
    public Uni<Boolean> forgetReceived(String clientId, Holder holder, int packetId) {
        return commands.send(RedisCommands.fcall("starling_forget_received", clientId, List.of(holder.gatewayId(),
                        Long.toString(holder.connectionId()), packetId)))
                .map(answer -> answer.toInteger() == 1);
    }

    @Override
    public Uni<Void> retain(StoredMessage message) {
        if (message.payload() == null || message.payload().length == 0) {
            return commands.send(RedisCommands.request(Command.HDEL, RedisKeys.RETAINED, message.topic()))
                    .chain(removed -> removed.toInteger() == 0 ? Uni.createFrom().voidItem()
                            : commands.inOrder(List.of(changeRequest(new Change.RetainedCleared(message.topic())))));
        }
        return commands.inOrder(List.of(
                RedisCommands.request(Command.HSET, RedisKeys.RETAINED, message.topic(), MessageCodec.encode(message)),
                changeRequest(new Change.RetainedSet(message))));
    }

    @Override
    public Uni<Boolean> dropRetained(StoredMessage expired) {
        Request drop = Request.cmd(Command.FCALL).arg("starling_drop_unchanged").arg(1).arg(RedisKeys.RETAINED)
                .arg(expired.topic()).arg(MessageCodec.encode(expired));
        return commands.send(drop).chain(removed -> removed.toInteger() == 0 ? Uni.createFrom().item(false)
                : commands.inOrder(List.of(changeRequest(new Change.RetainedCleared(expired.topic()))))
                .replaceWith(true));
    }

    @Override
    public Uni<List<StoredMessage>> queued(String clientId, long offset, int limit) {
        if (limit <= 0) {
            return Uni.createFrom().item(List.of());
        }
        return commands.read(RedisCommands.request(Command.LRANGE, RedisKeys.session(clientId).get(2), offset,
                offset + limit - 1)).map(RedisAnswers::messages);
    }

    @Override
    public Uni<List<QueuedDelivery>> inflight(String clientId, long offset, int limit) {
        if (limit <= 0) {
            return Uni.createFrom().item(List.of());
        }
        List<String> keys = RedisKeys.session(clientId);
        return commands.read(RedisCommands.request(Command.LRANGE, keys.get(3), offset, offset + limit - 1))
                .chain(entries -> commands.read(RedisCommands.request(Command.SMEMBERS, keys.get(4))).map(released ->
                        RedisAnswers.inflightEntries(entries, RedisCommands.strings(released))));
    }

    @Override
    public Uni<Void> ban(Ban ban) {
        Change.BanAdded added = new Change.BanAdded(ban);
        return commands.inOrder(List.of(
                RedisCommands.request(Command.HSET, RedisKeys.BANNED, ban.key(), ChangeCodec.encode(added)),
                changeRequest(added)));
    }

    @Override
    public Uni<Boolean> unban(BanKind kind, String who) {
        String field = new Ban(kind, who, "", "", 0, Ban.FOREVER).key();
        return commands.send(RedisCommands.request(Command.HDEL, RedisKeys.BANNED, field))
                .chain(removed -> removed.toInteger() == 0 ? Uni.createFrom().item(false)
                        : commands.inOrder(List.of(changeRequest(new Change.BanRemoved(kind, who)))).replaceWith(true));
    }

    @Override
    public Uni<Integer> dropLapsedBans(long nowMillis) {
        return new RedisHashScan(commands, settings.scanBatchSize()).all(RedisKeys.BANNED).chain(entries -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                Ban ban = ((Change.BanAdded) ChangeCodec.decode(entry.getValue())).ban();
                if (!ban.lapsedAt(nowMillis)) {
                    continue;
                }
                Request drop = Request.cmd(Command.FCALL).arg("starling_drop_unchanged").arg(1).arg(RedisKeys.BANNED)
                        .arg(entry.getKey()).arg(entry.getValue());
                chain = chain.chain(dropped -> commands.send(drop).chain(removed -> removed.toInteger() == 0
                        ? Uni.createFrom().item(dropped)
                        : commands.inOrder(List.of(changeRequest(new Change.BanRemoved(ban.kind(), ban.who()))))
                        .replaceWith(dropped + 1)));
            }
            return chain;
        });
    }

    @Override
    public Uni<StoredMessage> putWill(String clientId, Holder holder, Will will, boolean cleanStart) {
        return wills.put(clientId, holder, will, cleanStart);
    }

    @Override
    public Uni<StoredMessage> endWill(String clientId, Holder holder, boolean send, long expirySeconds) {
        return wills.end(clientId, holder, send, expirySeconds);
    }

    @Override
    public Uni<List<StoredMessage>> willsDue(long nowMillis) {
        return wills.due(nowMillis);
    }

    @Override
    public Uni<List<EndedSession>> expireDue(long nowMillis) {
        return commands.read(RedisCommands.request(Command.ZRANGEBYSCORE, RedisKeys.EXPIRY, "-inf", nowMillis,
                        "LIMIT", 0, settings.expireBatchSize()))
                .chain(due -> {
                    Uni<List<EndedSession>> chain = Uni.createFrom().item(new ArrayList<>());
                    for (String clientId : RedisCommands.strings(due)) {
                        chain = chain.chain(expired -> expireOne(clientId, nowMillis).map(ended -> {
                            if (ended != null) {
                                expired.add(ended);
                            }
                            return expired;
                        }));
                    }
                    return chain;
                });
    }

    @Override
    public Uni<Snapshot> snapshot() {
        return commands.read(RedisCommands.request(Command.XREVRANGE, RedisKeys.CHANGES, "+", "-", "COUNT", 1))
                .chain(last -> {
                    List<RedisStreamEntries.Entry> entries = RedisStreamEntries.ofRange(last);
                    String cursor = entries.isEmpty() ? "0-0" : entries.getFirst().id();
                    RedisHashScan scan = new RedisHashScan(commands, settings.scanBatchSize());
                    return scan.all(RedisKeys.ROUTES).chain(routes -> scan.all(RedisKeys.SESSIONS)
                            .chain(sessions -> scan.all(RedisKeys.RETAINED).chain(retained ->
                                    scan.all(RedisKeys.BANNED).map(bans ->
                                            snapshotOf(routes, sessions, retained, bans, cursor)))));
                });
    }

    @Override
    public void follow(String cursor, Consumer<Change> listener) {
        RedisChangeFollower follower = new RedisChangeFollower(redis, settings, origin, cursor, listener);
        followers.add(follower);
        follower.start();
    }

    @Override
    public void close() {
        followers.forEach(RedisChangeFollower::stop);
        followers.clear();
    }

    /** Answers the session if it was removed now, else null. */
    private Uni<EndedSession> expireOne(String clientId, long nowMillis) {
        Request unschedule = Request.cmd(Command.FCALL).arg("starling_unschedule").arg(1).arg(RedisKeys.EXPIRY)
                .arg(clientId).arg(nowMillis);
        return commands.send(RedisCommands.fcall("starling_expire", clientId, List.of(nowMillis)))
                .chain(answer -> switch (answer.get(0).toString()) {
                    case "expired" -> {
                        GlobalUpdate update = new GlobalUpdate();
                        update.endSession(clientId, RedisCommands.strings(answer.get(1)));
                        EndedSession ended = new EndedSession(clientId, RedisAnswers.messages(answer.get(2)));
                        yield commands.inOrder(update.requests())
                                .chain(() -> commands.send(unschedule)).replaceWith(ended);
                    }
                    case "later" -> {
                        long expiresAt = Long.parseLong(answer.get(1).toString());
                        yield (expiresAt == SessionRules.NO_EXPIRY ? commands.send(unschedule)
                                : commands.send(RedisCommands.request(Command.ZADD, RedisKeys.EXPIRY, expiresAt,
                                clientId))).replaceWith((EndedSession) null);
                    }
                    default -> commands.send(unschedule).replaceWith((EndedSession) null);
                });
    }

    private Uni<Response> sessionCall(Request request, String clientId) {
        return commands.send(request).onFailure(failure -> String.valueOf(failure.getMessage()).contains("NOSESSION"))
                .transform(failure -> new IllegalStateException("no session for client " + clientId));
    }

    private Snapshot snapshotOf(Map<String, byte[]> routes, Map<String, byte[]> sessions,
                                Map<String, byte[]> retained, Map<String, byte[]> banned, String cursor) {
        List<Change.SubscriptionAdded> subscriptions = new ArrayList<>(routes.size());
        routes.forEach((field, subscription) -> subscriptions.add(new Change.SubscriptionAdded(
                RedisKeys.clientOfRoute(field), SubscriptionCodec.decode(subscription))));
        List<Change.SessionOnline> sessionList = new ArrayList<>(sessions.size());
        sessions.values().forEach(value -> sessionList.add((Change.SessionOnline) ChangeCodec.decode(value)));
        List<StoredMessage> messages = new ArrayList<>(retained.size());
        retained.values().forEach(value -> messages.add(MessageCodec.decode(value)));
        List<Ban> bans = new ArrayList<>(banned.size());
        banned.values().forEach(value -> bans.add(((Change.BanAdded) ChangeCodec.decode(value)).ban()));
        return new Snapshot(subscriptions, sessionList, messages, bans, cursor);
    }

    private Request changeRequest(Change change) {
        return RedisCommands.request(Command.XADD, RedisKeys.CHANGES, "MAXLEN", "~", settings.changeFeedMaxLength(),
                "*", RedisChangeFields.ORIGIN, origin, RedisChangeFields.CHANGE, ChangeCodec.encode(change));
    }

    private long now() {
        return clock.millis();
    }

    private static String flag(boolean value) {
        return value ? "1" : "0";
    }

    private static String library() {
        try (InputStream in = RedisSessionStore.class.getResourceAsStream(LIBRARY)) {
            if (in == null) {
                throw new IllegalStateException("missing Redis function library " + LIBRARY);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Collects the global writes that follow a per-session step: state first, then its changes. */
    private final class GlobalUpdate {

        private final List<Request> state = new ArrayList<>();
        private final List<Request> changes = new ArrayList<>();

        void addRoute(String clientId, Subscription subscription) {
            state.add(RedisCommands.request(Command.HSET, RedisKeys.ROUTES,
                    RedisKeys.routeField(clientId, subscription.filter()), SubscriptionCodec.encode(subscription)));
            publish(new Change.SubscriptionAdded(clientId, subscription));
        }

        void removeRoutes(String clientId, List<String> filters) {
            for (String filter : filters) {
                state.add(RedisCommands.request(Command.HDEL, RedisKeys.ROUTES, RedisKeys.routeField(clientId, filter)));
                publish(new Change.SubscriptionRemoved(clientId, filter));
            }
        }

        /** Records the session's entry in the global map (published separately: going offline is no SessionOnline). */
        void setSession(Change.SessionOnline session) {
            state.add(RedisCommands.request(Command.HSET, RedisKeys.SESSIONS, session.clientId(),
                    ChangeCodec.encode(session)));
        }

        void endSession(String clientId, List<String> filters) {
            removeRoutes(clientId, filters);
            state.add(RedisCommands.request(Command.HDEL, RedisKeys.SESSIONS, clientId));
            publish(new Change.SessionOffline(clientId, true));
        }

        void publish(Change change) {
            changes.add(changeRequest(change));
        }

        List<Request> requests() {
            List<Request> all = new ArrayList<>(state);
            all.addAll(changes);
            return all;
        }
    }
}
