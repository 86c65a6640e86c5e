package io.starlingmq.store.redis;

import io.starlingmq.store.EnqueueResult;
import io.starlingmq.store.Holder;
import io.starlingmq.store.MessageCodec;
import io.starlingmq.store.QueuedDelivery;
import io.starlingmq.store.StoredMessage;
import io.vertx.mutiny.redis.client.Response;

import java.util.ArrayList;
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
}
