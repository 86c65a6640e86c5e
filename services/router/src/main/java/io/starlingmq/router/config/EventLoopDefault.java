package io.starlingmq.router.config;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The router's default number of Vert.x event loops: half the available processors, at least one.
 * Quarkus's own default, one per processor, puts the gateway streams and the Redis connections on
 * different loops. Every Redis command is then handed to another loop with a task and a wake-up. On
 * 2 cores, one loop closed 10,000 sessions with less than half the router CPU (bench finding 16).
 * Its ordinal is below every other source, so {@code quarkus.vertx.event-loops-pool-size} set
 * anywhere else (application.properties, a system property, {@code QUARKUS_VERTX_EVENT_LOOPS_POOL_SIZE})
 * wins.
 */
public final class EventLoopDefault implements ConfigSource {

    static final String KEY = "quarkus.vertx.event-loops-pool-size";
    /** Above Quarkus's built-in defaults, below application.properties (250) and everything after it. */
    private static final int ORDINAL = 50;

    private final String value = Integer.toString(loopsFor(Runtime.getRuntime().availableProcessors()));

    static int loopsFor(int processors) {
        return Math.max(1, processors / 2);
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(KEY);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(KEY, value);
    }

    @Override
    public String getValue(String propertyName) {
        return KEY.equals(propertyName) ? value : null;
    }

    @Override
    public String getName() {
        return "starling-router-event-loop-default";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
