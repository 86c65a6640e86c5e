package io.starlingmq.router.delayed;

import io.starlingmq.router.config.RouterConfig;
import io.starlingmq.store.DelayedLimits;
import io.starlingmq.store.DelayedMessages;
import io.starlingmq.store.memory.InMemoryDelayedMessages;
import io.starlingmq.store.redis.RedisDelayedMessages;
import io.starlingmq.store.redis.RedisReplicaWait;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Keeps delayed messages where the session store keeps sessions: in memory, or in the same Redis. */
public class DelayedMessagesProducer {

    @Inject
    RouterConfig routerConfig;
    @Inject
    DelayedConfig config;
    @Inject
    Instance<Redis> redis;

    @Produces
    @Singleton
    DelayedMessages delayedMessages() {
        DelayedLimits limits = new DelayedLimits(config.maxPending(), config.claim());
        return switch (routerConfig.store()) {
            case MEMORY -> new InMemoryDelayedMessages(limits);
            case REDIS -> {
                try {
                    RouterConfig.RedisWrites writes = routerConfig.redis();
                    yield RedisDelayedMessages.connect(redis.get(), limits,
                                    new RedisReplicaWait(writes.waitReplicas(), writes.waitTimeout()))
                            .await().atMost(routerConfig.startTimeout());
                } catch (RuntimeException e) {
                    throw new IllegalStateException("cannot load the delayed-message functions into Redis: "
                            + e.getMessage(), e);
                }
            }
        };
    }
}
