package io.starlingmq.auth.chain;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.starlingmq.auth.config.AuthConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Locale;

/**
 * The chain's decisions, by result ({@code allow}, {@code deny}, {@code ignore}, or {@code error} when an
 * authenticator failed) and by the authenticator that decided ({@code none} when every one ignored the
 * credentials), each with how long the chain took. The buckets bracket a token check (well under a
 * millisecond), a registry lookup with its PBKDF2 hash (tens of milliseconds) and a gateway's default
 * timeout (2 s). Created at start with the configured chain's series, so they exist from the first
 * scrape, before any gateway asked.
 */
@Startup
@Singleton
public class AuthnMeters {

    /** The authenticator tag when no authenticator recognised the credentials. */
    public static final String NO_AUTHENTICATOR = "none";
    /** The result tag when an authenticator failed instead of answering. */
    public static final String ERROR = "error";

    private static final Duration[] BUCKETS = {
            Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5)};

    private final MeterRegistry registry;

    @Inject
    public AuthnMeters(MeterRegistry registry, AuthConfig config) {
        this(registry);
        expect(config.chain().stream().map(String::trim).toList());
    }

    AuthnMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers the series a chain of these authenticators can produce, so each exists from the first scrape. */
    void expect(Iterable<String> authenticators) {
        for (String authenticator : authenticators) {
            timer(authenticator, Outcome.ALLOW.wireName());
            timer(authenticator, Outcome.DENY.wireName());
        }
        timer(NO_AUTHENTICATOR, Outcome.IGNORE.wireName());
    }

    void decided(String authenticator, Outcome outcome, long nanos) {
        timer(authenticator, outcome.name().toLowerCase(Locale.ROOT)).record(Duration.ofNanos(nanos));
    }

    void failed(String authenticator, long nanos) {
        timer(authenticator, ERROR).record(Duration.ofNanos(nanos));
    }

    private Timer timer(String authenticator, String result) {
        // Micrometer returns the registered timer for a known name and tags.
        return Timer.builder("starling.auth.authn.duration")
                .description("Authentication decisions of POST /v1/authn, by result and deciding authenticator, and their duration")
                .tag("result", result)
                .tag("authenticator", authenticator)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }
}
