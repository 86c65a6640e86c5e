package io.starlingmq.bench.brokers;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The form of the Redis that holds the router's sessions ({@code --redis}): one server, or a Redis Cluster of
 * three masters with a replica each, with or without each write waiting for a replica (Redis {@code WAIT}).
 * Every node keeps an append-only file synced every second.
 */
public enum RedisForm {

    SINGLE("single", "one Redis (AOF everysec)"),
    CLUSTER("cluster", "a Redis Cluster of 3 masters and 3 replicas (AOF everysec)"),
    CLUSTER_WAIT("cluster-wait", "a Redis Cluster of 3 masters and 3 replicas (AOF everysec), each write waiting for one "
            + "replica (STARLING_ROUTER_REDIS_WAIT_REPLICAS=1)");

    private final String option;
    private final String description;

    RedisForm(String option, String description) {
        this.option = option;
        this.description = description;
    }

    /** The {@code --redis} value. */
    public String option() {
        return option;
    }

    /** What runs, for the report's setup. */
    public String description() {
        return description;
    }

    public boolean cluster() {
        return this != SINGLE;
    }

    /** Replicas each write waits for: 1 for {@link #CLUSTER_WAIT}, else none. */
    public int waitReplicas() {
        return this == CLUSTER_WAIT ? 1 : 0;
    }

    public static RedisForm parse(String value) {
        return Arrays.stream(values()).filter(f -> f.option.equals(value.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown --redis " + value + " ("
                        + Arrays.stream(values()).map(RedisForm::option).collect(Collectors.joining(", ")) + ")"));
    }
}
