package io.starlingmq.router.startup;

import io.starlingmq.router.config.RouterConfig;
import io.starlingmq.store.SessionStore;
import io.starlingmq.store.StoreLimits;
import io.starlingmq.store.memory.InMemoryBackend;
import io.starlingmq.store.memory.InMemorySessionStore;
import io.starlingmq.store.redis.RedisSessionStore;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Builds the configured session store. The Redis client is looked up only for {@code store=redis}, so
 * the in-memory store never makes Quarkus open a Redis connection.
 */
public class SessionStoreProducer {

    private static final Logger LOG = Logger.getLogger(SessionStoreProducer.class);

    @Inject
    RouterConfig config;
    @Inject
    Instance<Redis> redis;
    @Inject
    MeterRegistry meters;

    @Produces
    @Singleton
    SessionStore sessionStore() {
        RouterConfig.ServiceSessions service = config.serviceSessions();
        StoreLimits limits = new StoreLimits(config.maxQueuedPerSession(), config.maxInflight(),
                config.maxReceivedPerSession(), new StoreLimits.ServiceSessions(service.clientIdPrefix(),
                        service.maxQueued(), service.maxInflight()));
        return switch (config.store()) {
            case MEMORY -> {
                LOG.info("session store: in memory (one router, nothing survives a restart)");
                yield new TimedSessionStore(new InMemorySessionStore(new InMemoryBackend(), limits), meters, "memory");
            }
            case REDIS -> connectRedis(limits);
        };
    }

    private SessionStore connectRedis(StoreLimits limits) {
        try {
            SessionStore store = RedisSessionStore.connect(redis.get(), limits).await().atMost(config.startTimeout());
            LOG.info("session store: Redis");
            return new TimedSessionStore(store, meters, "redis");
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot start the Redis session store (quarkus.redis.hosts): "
                    + e.getMessage(), e);
        }
    }
}
