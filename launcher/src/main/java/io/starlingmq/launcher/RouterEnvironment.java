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

    /**
     * Sessions in a Redis Cluster reached through {@code hosts} (e.g. {@link RedisCluster#hosts()}), each write
     * confirmed by {@code waitReplicas} replicas before the router counts it done.
     */
    public static Map<String, String> redisClusterStore(String hosts, int waitReplicas) {
        return Map.of("STARLING_ROUTER_STORE", "redis", "QUARKUS_REDIS_HOSTS", hosts,
                "QUARKUS_REDIS_CLIENT_TYPE", "cluster", "STARLING_ROUTER_REDIS_WAIT_REPLICAS",
                Integer.toString(waitReplicas));
    }

    /** Sessions in the router's memory: nothing survives a restart. */
    public static Map<String, String> memoryStore() {
        return Map.of("STARLING_ROUTER_STORE", "memory");
    }
}
