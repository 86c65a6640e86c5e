package io.starlingmq.store.redis;

import io.starlingmq.store.ClientConnect;
import io.starlingmq.store.ClientInfo;
import io.starlingmq.store.EnqueueResult;
import io.starlingmq.store.Holder;
import io.starlingmq.store.MessageCodec;
import io.starlingmq.store.QueuedDelivery;
import io.starlingmq.store.StoredMessage;
import io.vertx.mutiny.redis.client.Response;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the answers of the {@code starling} Redis functions into the store's result types. */
final class RedisAnswers {

    private RedisAnswers() {
    }

    static EnqueueResult enqueueResult(Response answer) {
        if (answer.get(0).toInteger() == 0) {
            return new EnqueueResult(null, List.of(), 0, true, 0);
        }
        String gateway = answer.get(1).toString();
        Holder holder = gateway.isEmpty() ? null : new Holder(gateway, Long.parseLong(answer.get(2).toString()));
        return new EnqueueResult(holder, deliveries(answer.get(4)), answer.get(3).toInteger(), false,
                answer.get(5).toInteger());
    }

    static List<QueuedDelivery> deliveries(Response array) {
        List<QueuedDelivery> deliveries = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            Response delivery = array.get(i);
            deliveries.add(new QueuedDelivery(delivery.get(0).toInteger(), MessageCodec.decode(delivery.get(1).toBytes()),
                    delivery.get(2).toInteger() == 1, delivery.get(3).toInteger() == 1));
        }
        return deliveries;
    }

    /**
     * Inflight list entries (2-byte packet id, then the encoded message) as deliveries; {@code released}: the
     * packet ids whose PUBREC was recorded.
     */
    static List<QueuedDelivery> inflightEntries(Response entries, List<String> released) {
        List<QueuedDelivery> found = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            byte[] entry = entries.get(i).toBytes();
            int packetId = ((entry[0] & 0xFF) << 8) | (entry[1] & 0xFF);
            StoredMessage message = MessageCodec.decode(Arrays.copyOfRange(entry, 2, entry.length));
            found.add(new QueuedDelivery(packetId, message, false, released.contains(Integer.toString(packetId))));
        }
        return found;
    }

    static List<StoredMessage> messages(Response array) {
        List<StoredMessage> messages = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            messages.add(MessageCodec.decode(array.get(i).toBytes()));
        }
        return messages;
    }

    static List<Integer> integers(Response array) {
        List<Integer> values = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            values.add(array.get(i).toInteger());
        }
        return values;
    }

    static List<Boolean> flags(Response array) {
        List<Boolean> flags = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            flags.add(array.get(i).toInteger() == 1);
        }
        return flags;
    }

    /**
     * The session's listing facts from an HMGET of the Lua library's {@code CLIENT_FIELDS}; a session opened
     * before the store kept them has none, and reads as unknown.
     */
    static ClientInfo clientInfo(Response fields) {
        if (fields == null || fields.size() < 8 || fields.get(6) == null) {
            return ClientInfo.UNKNOWN;
        }
        ClientConnect connect = new ClientConnect(text(fields.get(0)), text(fields.get(1)), number(fields.get(2)),
                number(fields.get(3)));
        return new ClientInfo(connect, "1".equals(text(fields.get(4))), longNumber(fields.get(5)),
                longNumber(fields.get(6)), longNumber(fields.get(7)), 0);
    }

    private static String text(Response value) {
        return value == null ? "" : value.toString();
    }

    private static int number(Response value) {
        return value == null ? 0 : Integer.parseInt(value.toString());
    }

    private static long longNumber(Response value) {
        return value == null ? 0 : Long.parseLong(value.toString());
    }
}
