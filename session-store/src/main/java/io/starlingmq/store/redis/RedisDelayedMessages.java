package io.starlingmq.store.redis;

import io.smallrye.mutiny.Uni;
import io.starlingmq.store.DelayedClaim;
import io.starlingmq.store.DelayedLimits;
import io.starlingmq.store.DelayedMessage;
import io.starlingmq.store.DelayedMessages;
import io.starlingmq.store.MessageCodec;
import io.starlingmq.store.ScheduledMessage;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link DelayedMessages} in Redis: a sorted set of ids by due time and a hash of encoded messages, changed
 * only by the functions of the {@code starling_delayed} library, so a schedule, a claim or a removal is one
 * atomic FCALL.
 */
public final class RedisDelayedMessages implements DelayedMessages {

    private static final String LIBRARY = "/io/starlingmq/store/starling_delayed.lua";
    static final String SCHEDULE = "starling:{delayed}:schedule";
    static final String MESSAGES = "starling:{delayed}:messages";
    static final String SEQUENCE = "starling:{delayed}:sequence";

    private final RedisCommands commands;
    private final DelayedLimits limits;

    private RedisDelayedMessages(RedisCommands commands, DelayedLimits limits) {
        this.commands = commands;
        this.limits = limits;
    }

    /** Loads the function library (replacing an older version, on every master of a cluster) and answers a ready store. */
    public static Uni<RedisDelayedMessages> connect(Redis redis, DelayedLimits limits) {
        return connect(redis, limits, RedisReplicaWait.NONE);
    }

    /** As above, each write confirmed by the replicas {@code replicaWait} asks for. */
    public static Uni<RedisDelayedMessages> connect(Redis redis, DelayedLimits limits, RedisReplicaWait replicaWait) {
        return RedisCommands.connect(redis, replicaWait, library())
                .map(commands -> new RedisDelayedMessages(commands, limits));
    }

    @Override
    public Uni<List<Boolean>> schedule(List<DelayedMessage> messages) {
        if (messages.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Request request = call("starling_delayed_schedule").arg(limits.maxPending());
        for (DelayedMessage delayed : messages) {
            request.arg(delayed.dueAtMillis()).arg(MessageCodec.encode(delayed.message()));
        }
        return commands.send(request).map(answer -> {
            List<Boolean> kept = new ArrayList<>(answer.size());
            for (Response flag : answer) {
                kept.add(flag.toInteger() == 1);
            }
            return kept;
        });
    }

    @Override
    public Uni<List<DelayedClaim>> claimDue(long nowMillis, int limit) {
        Request request = call("starling_delayed_claim").arg(nowMillis).arg(limit).arg(limits.claim().toMillis());
        return commands.send(request).map(answer -> {
            List<DelayedClaim> claims = new ArrayList<>(answer.size() / 2);
            for (int i = 0; i + 1 < answer.size(); i += 2) {
                claims.add(new DelayedClaim(answer.get(i).toString(), MessageCodec.decode(answer.get(i + 1).toBytes())));
            }
            return claims;
        });
    }

    @Override
    public Uni<Void> remove(List<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Request request = call("starling_delayed_remove");
        ids.forEach(request::arg);
        return commands.send(request).replaceWithVoid();
    }

    @Override
    public Uni<Long> pendingCount() {
        return commands.read(RedisCommands.request(Command.HLEN, MESSAGES)).map(Response::toLong);
    }

    @Override
    public Uni<List<ScheduledMessage>> page(long offset, int limit) {
        if (limit <= 0) {
            return Uni.createFrom().item(List.of());
        }
        return commands.read(call("starling_delayed_page").arg(offset).arg(limit)).map(answer -> {
            List<ScheduledMessage> page = new ArrayList<>(answer.size() / 3);
            for (int i = 0; i + 2 < answer.size(); i += 3) {
                page.add(new ScheduledMessage(answer.get(i).toString(), (long) Double.parseDouble(answer.get(i + 1)
                        .toString()), MessageCodec.decode(answer.get(i + 2).toBytes())));
            }
            return page;
        });
    }

    @Override
    public Uni<Optional<ScheduledMessage>> get(String id) {
        return commands.read(call("starling_delayed_get").arg(id)).map(answer -> answer.size() < 2 ? Optional.empty()
                : Optional.of(new ScheduledMessage(id, (long) Double.parseDouble(answer.get(0).toString()),
                        MessageCodec.decode(answer.get(1).toBytes()))));
    }

    private static Request call(String function) {
        return Request.cmd(Command.FCALL).arg(function).arg(3).arg(SCHEDULE).arg(MESSAGES).arg(SEQUENCE);
    }

    private static String library() {
        try (InputStream in = RedisDelayedMessages.class.getResourceAsStream(LIBRARY)) {
            if (in == null) {
                throw new IllegalStateException("missing " + LIBRARY);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
