package io.starlingmq.router.startup;

import io.starlingmq.router.config.RouterConfig;
import io.starlingmq.store.SessionStore;
import io.starlingmq.store.StoreLimits;
import io.starlingmq.store.memory.InMemoryBackend;
import io.starlingmq.store.memory.InMemorySessionStore;
import io.starlingmq.store.redis.RedisReplicaWait;
import io.starlingmq.store.redis.RedisSessionStore;
import io.starlingmq.store.redis.RedisStoreSettings;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.InstantSource;

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
            RedisReplicaWait wait = new RedisReplicaWait(config.redis().waitReplicas(), config.redis().waitTimeout());
            SessionStore store = RedisSessionStore.connect(redis.get(), limits,
                    RedisStoreSettings.DEFAULTS.withReplicaWait(wait), InstantSource.system())
                    .await().atMost(config.startTimeout());
            LOG.infof("session store: Redis (writes wait for %d replica(s))", wait.replicas());
            return new TimedSessionStore(store, meters, "redis");
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot start the Redis session store (quarkus.redis.hosts): "
                    + e.getMessage(), e);
        }
    }
}
