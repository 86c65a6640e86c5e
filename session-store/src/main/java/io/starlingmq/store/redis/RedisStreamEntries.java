package io.starlingmq.store.redis;

import io.vertx.mutiny.redis.client.Response;

import java.util.ArrayList;
import java.util.List;

/** Reads XREAD / XREVRANGE answers in either protocol (RESP2 arrays or RESP3 maps). */
final class RedisStreamEntries {

    record Entry(String id, String origin, byte[] change) {
    }

    private RedisStreamEntries() {
    }

    /** The entries of one stream in an XREAD answer; empty when it timed out. */
    static List<Entry> ofXread(Response answer, String stream) {
        if (answer == null) {
            return List.of();
        }
        Response entries = answer.isMap() ? answer.get(stream) : answer.get(0).get(1);
        return entries == null ? List.of() : ofRange(entries);
    }

    static List<Entry> ofRange(Response entries) {
        List<Entry> result = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            Response entry = entries.get(i);
            Response fields = entry.get(1);
            String origin = null;
            byte[] change = null;
            for (int f = 0; f + 1 < fields.size(); f += 2) {
                String name = fields.get(f).toString();
                if (name.equals(RedisChangeFields.ORIGIN)) {
                    origin = fields.get(f + 1).toString();
                } else if (name.equals(RedisChangeFields.CHANGE)) {
                    change = fields.get(f + 1).toBytes();
                }
            }
            result.add(new Entry(entry.get(0).toString(), origin, change));
        }
        return result;
    }
}
