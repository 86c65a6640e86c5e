package io.starlingmq.store.redis;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Response;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a whole hash with HSCAN in bounded steps (HGETALL would block Redis on a big map). */
final class RedisHashScan {

    private final RedisCommands commands;
    private final int batchSize;

    RedisHashScan(RedisCommands commands, int batchSize) {
        this.commands = commands;
        this.batchSize = batchSize;
    }

    Uni<Map<String, byte[]>> all(String key) {
        return from(key, "0", new LinkedHashMap<>());
    }

    private Uni<Map<String, byte[]>> from(String key, String cursor, Map<String, byte[]> collected) {
        return commands.read(RedisCommands.request(Command.HSCAN, key, cursor, "COUNT", batchSize))
                .chain(answer -> {
                    Response pairs = answer.get(1);
                    for (int i = 0; i + 1 < pairs.size(); i += 2) {
                        collected.put(pairs.get(i).toString(), pairs.get(i + 1).toBytes());
                    }
                    String next = answer.get(0).toString();
                    return next.equals("0") ? Uni.createFrom().item(collected) : from(key, next, collected);
                });
    }
}
