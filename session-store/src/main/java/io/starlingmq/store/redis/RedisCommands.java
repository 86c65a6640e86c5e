package io.starlingmq.store.redis;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

import java.util.ArrayList;
import java.util.List;

/** Builds requests and sends them through the client's pool. */
final class RedisCommands {

    private final Redis redis;

    RedisCommands(Redis redis) {
        this.redis = redis;
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

    Uni<Response> send(Request request) {
        return redis.send(request);
    }

    /**
     * Sends the requests together on one connection (pipelined, not a transaction): one round trip, answers in
     * order. For independent steps only, e.g. function calls of different sessions.
     */
    Uni<List<Response>> pipelined(List<Request> requests) {
        return redis.batch(requests);
    }

    /**
     * Sends one after the other, each after the previous answered. Not a batch: the keys live in
     * different cluster slots, and a change must reach the stream only after the state it describes.
     */
    Uni<Void> inOrder(List<Request> requests) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Request request : requests) {
            chain = chain.chain(() -> redis.send(request)).replaceWithVoid();
        }
        return chain;
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
