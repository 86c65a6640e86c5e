package io.starlingmq.store.redis;

import io.smallrye.mutiny.Uni;
import io.starlingmq.store.Holder;
import io.starlingmq.store.MessageCodec;
import io.starlingmq.store.StoredMessage;
import io.starlingmq.store.Will;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Wills in Redis: one hash per session (a Redis function per step) and the global schedule
 * {@link RedisKeys#WILLS}, a sorted set of client ids by due time that {@link #due} sweeps.
 */
final class RedisWills {

    private final RedisCommands commands;
    private final LongSupplier clock;
    private final int batchSize;

    RedisWills(RedisCommands commands, LongSupplier clock, int batchSize) {
        this.commands = commands;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    Uni<StoredMessage> put(String clientId, Holder holder, Will will, boolean cleanStart) {
        Request request = call("starling_put_will", clientId, holder.gatewayId(), Long.toString(holder.connectionId()),
                will == null ? 0L : will.delaySeconds(), will == null ? "" : MessageCodec.encode(will.message()),
                cleanStart ? "1" : "0");
        return commands.send(request).map(answer -> answer == null ? null : MessageCodec.decode(answer.toBytes()));
    }

    Uni<StoredMessage> end(String clientId, Holder holder, boolean send, long expirySeconds) {
        long now = clock.getAsLong();
        Request end = call("starling_end_will", clientId, holder.gatewayId(), Long.toString(holder.connectionId()),
                send ? "1" : "0", expirySeconds, now);
        // scheduled (early) before the will is marked, so a crash in between cannot leave a will that is
        // never swept; due() corrects or drops an entry that does not match the will
        Uni<Void> schedule = send ? commands.send(RedisCommands.request(Command.ZADD, RedisKeys.WILLS, now, clientId))
                .replaceWithVoid() : Uni.createFrom().voidItem();
        return schedule.chain(() -> commands.send(end)).chain(answer -> switch (answer.get(0).toInteger()) {
            case 1 -> Uni.createFrom().item(MessageCodec.decode(answer.get(1).toBytes()));
            case 2 -> commands.send(RedisCommands.request(Command.ZADD, RedisKeys.WILLS,
                    Long.parseLong(answer.get(1).toString()), clientId)).replaceWith((StoredMessage) null);
            default -> Uni.createFrom().nullItem();
        });
    }

    Uni<List<StoredMessage>> due(long nowMillis) {
        return commands.read(RedisCommands.request(Command.ZRANGEBYSCORE, RedisKeys.WILLS, "-inf", nowMillis,
                        "LIMIT", 0, batchSize))
                .chain(clients -> {
                    Uni<List<StoredMessage>> chain = Uni.createFrom().item(new ArrayList<>());
                    for (String clientId : RedisCommands.strings(clients)) {
                        chain = chain.chain(due -> dueOne(clientId, nowMillis).map(message -> {
                            if (message != null) {
                                due.add(message);
                            }
                            return due;
                        }));
                    }
                    return chain;
                });
    }

    private Uni<StoredMessage> dueOne(String clientId, long nowMillis) {
        return commands.read(RedisCommands.request(Command.ZSCORE, RedisKeys.WILLS, clientId)).chain(score -> {
            if (score == null) {
                return Uni.createFrom().nullItem();
            }
            Request unschedule = Request.cmd(Command.FCALL).arg("starling_unschedule").arg(1).arg(RedisKeys.WILLS)
                    .arg(clientId).arg(score.toString());
            return commands.send(call("starling_will_due", clientId, nowMillis)).chain(answer -> {
                switch (answer.get(0).toInteger()) {
                    case 1:
                        return commands.send(RedisCommands.request(Command.ZADD, RedisKeys.WILLS,
                                Long.parseLong(answer.get(1).toString()), clientId)).replaceWith((StoredMessage) null);
                    case 2:
                        StoredMessage message = MessageCodec.decode(answer.get(1).toBytes());
                        return commands.send(unschedule).replaceWith(message);
                    default:
                        return commands.send(unschedule).replaceWith((StoredMessage) null);
                }
            });
        });
    }

    private static Request call(String function, String clientId, Object... args) {
        Object[] all = new Object[args.length + 3];
        all[0] = function;
        all[1] = 1;
        all[2] = RedisKeys.will(clientId);
        System.arraycopy(args, 0, all, 3, args.length);
        return RedisCommands.request(Command.FCALL, all);
    }
}
