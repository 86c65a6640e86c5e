package io.starlingmq.gateway.auth;

import io.starlingmq.rules.AccessPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * What one connection may do, fixed at CONNECT: its rules (evaluated by the shared
 * {@link AccessPolicy}), whether it is a superuser (no rule applies), and when its credential
 * expires. Immutable, so the connection's event loop can read it without synchronisation.
 */
public final class ConnectionAccess {

    /** Null for a superuser, who is never checked. */
    private final AccessPolicy policy;
    private final boolean superuser;
    private final Instant expiresAt;

    private ConnectionAccess(AccessPolicy policy, boolean superuser, Instant expiresAt) {
        this.policy = policy;
        this.superuser = superuser;
        this.expiresAt = expiresAt;
    }

    public static ConnectionAccess of(AuthDecision.Allow allow) {
        AccessPolicy policy = allow.superuser() ? null : new AccessPolicy(allow.rules());
        return new ConnectionAccess(policy, allow.superuser(), allow.expiresAt());
    }

    /** Whether a PUBLISH to this topic name may be forwarded. */
    public boolean mayPublish(String topicName) {
        return superuser || policy.mayPublish(topicName);
    }

    /** Whether this SUBSCRIBE filter (possibly {@code $share/group/...}) may be granted. */
    public boolean maySubscribe(String filter) {
        return superuser || policy.maySubscribe(filter);
    }

    public boolean superuser() {
        return superuser;
    }

    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    /**
     * Runs {@code disconnect} on {@code scheduler} (the connection's event loop) when the credential
     * expires; at once if it already has. Empty when the credential does not expire. The caller
     * cancels the returned future when the connection ends first.
     */
    public Optional<ScheduledFuture<?>> scheduleExpiry(ScheduledExecutorService scheduler, Clock clock,
            Runnable disconnect) {
        if (expiresAt == null) {
            return Optional.empty();
        }
        long delayMillis = Math.max(0, Duration.between(clock.instant(), expiresAt).toMillis());
        return Optional.of(scheduler.schedule(disconnect, delayMillis, TimeUnit.MILLISECONDS));
    }
}
