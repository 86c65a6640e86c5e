package io.starlingmq.bench.brokers;

import java.util.ArrayList;
import java.util.List;

/**
 * How the bench runs Starling's JVMs.
 *
 * @param heapMb heap of the gateway, the router and the auth service, as both -Xms and -Xmx (default 512):
 *        a fixed heap, as a deployment sets one, so heap growth and the GCs it brings do not land inside
 *        the first measured steps
 * @param jwt whether to also start PostgreSQL, the auth service and a second gateway that authenticates
 *        devices through it (needed by auth-connect only, so other scenarios keep their processes)
 * @param redis the form of the Redis holding the router's sessions (default one server)
 */
public record StarlingSettings(int heapMb, boolean jwt, RedisForm redis) {

    public static final int DEFAULT_HEAP_MB = 512;

    /**
     * The JVM options {@code ./starling up} gives the services ({@code SERVICE_JVM_FLAGS} there):
     * start-up objects are promoted after two young collections instead of being copied between
     * survivor spaces for fifteen (bench finding 11).
     */
    public static final List<String> SERVICE_FLAGS = List.of("-XX:MaxTenuringThreshold=2");

    /** Sessions on one Redis, as {@code ./starling up} keeps them. */
    public StarlingSettings(int heapMb, boolean jwt) {
        this(heapMb, jwt, RedisForm.SINGLE);
    }

    /** The fixed heap and {@link #SERVICE_FLAGS}. */
    public List<String> jvmFlags() {
        List<String> flags = new ArrayList<>(List.of("-Xms" + heapMb + "m", "-Xmx" + heapMb + "m"));
        flags.addAll(SERVICE_FLAGS);
        return flags;
    }
}
