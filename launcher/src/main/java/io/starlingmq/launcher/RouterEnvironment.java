package io.starlingmq.launcher;

import java.util.Map;

/** The environment that picks a router's session store. */
public final class RouterEnvironment {

    private RouterEnvironment() {
    }

    /** Sessions in Redis at {@code redisUri} (e.g. {@link RedisServer#uri()}). */
    public static Map<String, String> redisStore(String redisUri) {
        return Map.of("STARLING_ROUTER_STORE", "redis", "QUARKUS_REDIS_HOSTS", redisUri);
    }

    /** Sessions in the router's memory: nothing survives a restart. */
    public static Map<String, String> memoryStore() {
        return Map.of("STARLING_ROUTER_STORE", "memory");
    }
}
