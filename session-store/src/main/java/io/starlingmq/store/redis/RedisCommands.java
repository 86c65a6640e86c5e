package io.starlingmq.store.redis;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.impl.RedisClusterClient;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds requests and sends them through the client's pool, on one Redis, a Sentinel-managed primary or a
 * Redis Cluster. Three things differ on a cluster and are handled here, so the stores need not know: a
 * pipeline may hold one slot's commands only (so it is split by session); the function library must be on
 * every master (loaded on all at start, and again on a master that answers it has none: one that joined
 * later); and {@link RedisReplicaWait} is a WAIT on the connection that wrote, which a pipeline per slot gives.
 */
final class RedisCommands {

    private final Redis redis;
    private final boolean clustered;
    private final RedisReplicaWait replicaWait;
    private final String library;

    static {
        // The cluster client sends a key-less command to every master only when it has a way to merge the
        // answers; FUNCTION LOAD must reach every master, and every master answers the library's name.
        RedisClusterClient.addReducer(io.vertx.redis.client.Command.FUNCTION, answers -> answers.getFirst());
    }

    private RedisCommands(Redis redis, boolean clustered, RedisReplicaWait replicaWait, String library) {
        this.redis = redis;
        this.clustered = clustered;
        this.replicaWait = replicaWait;
        this.library = library;
    }

    /** Finds out whether {@code redis} is a cluster and loads {@code library} (replacing an older version) on every master. */
    static Uni<RedisCommands> connect(Redis redis, RedisReplicaWait replicaWait, String library) {
        return redis.send(request(Command.INFO, "cluster"))
                .map(info -> info.toString().contains("cluster_enabled:1"))
                .chain(clustered -> redis.send(loadRequest(library))
                        .replaceWith(() -> new RedisCommands(redis, clustered, replicaWait, library)));
    }

    static Request request(Command command, Object... args) {
        Request request = Request.cmd(command);
        for (Object arg : args) {
            add(request, arg);
        }
        return request;
    }

    static Request fcall(String function, String clientId, List<?> args) {
        List<String> keys = RedisKeys.session(clientId);
        Request request = Request.cmd(Command.FCALL).arg(function).arg(keys.size());
        keys.forEach(request::arg);
        args.forEach(arg -> add(request, arg));
        return request;
    }

    /** A write (or a function call that may write): done once Redis, and the replicas the settings ask for, have it. */
    Uni<Response> send(Request request) {
        if (!replicaWait.enabled()) {
            return withLibrary(redis::send, request);
        }
        return batch(redis::batch, List.of(request)).map(List::getFirst);
    }

    /** A read: never waits for replicas. */
    Uni<Response> read(Request request) {
        return withLibrary(redis::send, request);
    }

    /**
     * Sends the requests together (pipelined, not a transaction), answers in order. For independent steps only,
     * e.g. function calls of different sessions; {@code sessions} names each request's session, whose cluster slot
     * it touches. Requests of one session keep their order. On one Redis: one connection, one round trip. On a
     * cluster: one pipeline per session, all on one cluster connection, concurrently.
     */
    Uni<List<Response>> pipelined(List<Request> requests, List<String> sessions) {
        if (!clustered) {
            return batch(redis::batch, requests);
        }
        Map<String, List<Integer>> bySession = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            bySession.computeIfAbsent(sessions.get(i), session -> new ArrayList<>()).add(i);
        }
        if (bySession.size() == 1) {
            return batch(redis::batch, requests);
        }
        return redis.connect().chain(connection -> {
            Response[] answers = new Response[requests.size()];
            List<Uni<Void>> sends = new ArrayList<>(bySession.size());
            for (List<Integer> positions : bySession.values()) {
                List<Request> group = positions.stream().map(requests::get).toList();
                sends.add(batch(connection::batch, group).invoke(answered -> {
                    for (int i = 0; i < positions.size(); i++) {
                        answers[positions.get(i)] = answered.get(i);
                    }
                }).replaceWithVoid());
            }
            return Uni.join().all(sends).andFailFast()
                    .eventually(connection::close)
                    .map(done -> Arrays.asList(answers));
        });
    }

    /**
     * Sends one after the other, each after the previous answered. Not a batch: the keys live in
     * different cluster slots, and a change must reach the stream only after the state it describes.
     */
    Uni<Void> inOrder(List<Request> requests) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Request request : requests) {
            chain = chain.chain(() -> send(request)).replaceWithVoid();
        }
        return chain;
    }

    /** The requests as one pipeline, followed by the replica wait when asked for; answers without the wait's. */
    private Uni<List<Response>> batch(Function<List<Request>, Uni<List<Response>>> sender, List<Request> requests) {
        if (!replicaWait.enabled()) {
            return withLibrary(sender, requests);
        }
        List<Request> waited = new ArrayList<>(requests.size() + 1);
        waited.addAll(requests);
        waited.add(request(Command.WAIT, replicaWait.replicas(), replicaWait.timeout().toMillis()));
        return withLibrary(sender, waited).map(answers -> {
            long confirmed = answers.getLast().toLong();
            if (confirmed < replicaWait.replicas()) {
                throw new RedisReplicaWaitException(confirmed, replicaWait);
            }
            return answers.subList(0, requests.size());
        });
    }

    private Uni<Response> withLibrary(Function<Request, Uni<Response>> sender, Request request) {
        return sender.apply(request)
                .onFailure(RedisCommands::functionMissing)
                .recoverWithUni(() -> redis.batch(List.of(loadRequest(library), request)).map(List::getLast));
    }

    /**
     * A master without the library (one that joined the cluster after the start) fails the calls of its slots;
     * the library is loaded there, in a pipeline that goes where the requests go, and they are sent again.
     */
    private Uni<List<Response>> withLibrary(Function<List<Request>, Uni<List<Response>>> sender,
            List<Request> requests) {
        return sender.apply(requests)
                .onFailure(RedisCommands::functionMissing)
                .recoverWithUni(() -> {
                    List<Request> loaded = new ArrayList<>(requests.size() + 1);
                    loaded.add(loadRequest(library));
                    loaded.addAll(requests);
                    return sender.apply(loaded).map(answers -> answers.subList(1, answers.size()));
                });
    }

    private static boolean functionMissing(Throwable failure) {
        return String.valueOf(failure.getMessage()).contains("Function not found");
    }

    private static Request loadRequest(String library) {
        return request(Command.FUNCTION, "LOAD", "REPLACE", library);
    }

    static List<String> strings(Response array) {
        List<String> values = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            values.add(array.get(i).toString());
        }
        return values;
    }

    private static void add(Request request, Object arg) {
        switch (arg) {
            case String text -> request.arg(text);
            case byte[] bytes -> request.arg(bytes);
            case Long number -> request.arg(number.longValue());
            case Integer number -> request.arg(number.intValue());
            default -> throw new IllegalArgumentException("unsupported argument type " + arg.getClass());
        }
    }
}
