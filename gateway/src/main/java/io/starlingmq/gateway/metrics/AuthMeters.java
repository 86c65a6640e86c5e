package io.starlingmq.gateway.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How CONNECTs and re-authentications were judged, and how long it took, by outcome. The buckets
 * bracket the auth service's usual answer (milliseconds) up to the gateway's default timeout (2 s), so
 * a latency quantile can be computed across gateways. A singleton, not a lazy proxy: its series exist
 * from the first scrape, before any client connected.
 */
@Singleton
public class AuthMeters {

    /** Allowed. */
    public static final String ALLOW = "allow";
    /** The credentials were checked and are wrong. */
    public static final String BAD_CREDENTIALS = "bad_credentials";
    /** Nothing recognised the credentials, or they grant no connection. */
    public static final String NOT_AUTHORIZED = "not_authorized";
    /** MQTT 5 enhanced authentication with a method the gateway does not offer. */
    public static final String BAD_AUTHENTICATION_METHOD = "bad_authentication_method";
    /** The auth service could not be asked or gave no usable answer (timeout, error). */
    public static final String UNAVAILABLE = "unavailable";
    /** Too many authentications in flight on this gateway. */
    public static final String BUSY = "busy";

    private static final Duration[] BUCKETS = {
            Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5)};

    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public AuthMeters(MeterRegistry registry) {
        for (String outcome : new String[] {ALLOW, BAD_CREDENTIALS, NOT_AUTHORIZED, BAD_AUTHENTICATION_METHOD,
                UNAVAILABLE, BUSY}) {
            timers.put(outcome, Timer.builder("starling.gateway.auth.duration")
                    .description("Authentications (CONNECT and re-authentication) by outcome, and their duration")
                    .tag("outcome", outcome)
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry));
        }
    }

    /** @param outcome one of this class's constants */
    public void record(String outcome, long nanos) {
        timers.get(outcome).record(Duration.ofNanos(nanos));
    }
}
