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
 * What one connection may do: its rules (evaluated by the shared {@link AccessPolicy}), whether it
 * is a superuser (no rule applies), and when its credential expires. Granted at CONNECT and replaced
 * as a whole by an MQTT 5 re-authentication ({@link #renew}); whoever checks it never needs to know.
 * The grant is one immutable value behind a volatile field, so a check never sees half a renewal.
 * Scheduling and renewal happen on the connection's event loop.
 */
public final class ConnectionAccess {

    /** {@code policy} is null for a superuser, who is never checked. */
    private record Grant(AccessPolicy policy, boolean superuser, Instant expiresAt) {

        static Grant of(AuthDecision.Allow allow) {
            return new Grant(allow.superuser() ? null : new AccessPolicy(allow.rules()), allow.superuser(),
                    allow.expiresAt());
        }
    }

    private volatile Grant grant;
    private ScheduledExecutorService scheduler;
    private Clock clock;
    private Runnable onExpiry;
    private ScheduledFuture<?> expiry;

    private ConnectionAccess(Grant grant) {
        this.grant = grant;
    }

    public static ConnectionAccess of(AuthDecision.Allow allow) {
        return new ConnectionAccess(Grant.of(allow));
    }

    /**
     * Whether a PUBLISH to this topic name (or a will to it) may be forwarded; a delayed publish is
     * judged by its target topic ({@link AccessTopic}).
     */
    public boolean mayPublish(String topicName) {
        Grant current = grant;
        return current.superuser() || current.policy().mayPublish(AccessTopic.forPublish(topicName));
    }

    /** Whether this SUBSCRIBE filter (possibly {@code $share/group/...}) may be granted. */
    public boolean maySubscribe(String filter) {
        Grant current = grant;
        return current.superuser() || current.policy().maySubscribe(filter);
    }

    public boolean superuser() {
        return grant.superuser();
    }

    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(grant.expiresAt());
    }

    /**
     * Runs {@code disconnect} on {@code scheduler} (the connection's event loop) when the credential
     * expires; at once if it already has. Empty when the credential does not expire. The caller
     * cancels the returned future when the connection ends first, or calls {@link #cancelExpiry()},
     * which also covers a timer a renewal scheduled since.
     */
    public Optional<ScheduledFuture<?>> scheduleExpiry(ScheduledExecutorService scheduler, Clock clock,
            Runnable disconnect) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.onExpiry = disconnect;
        return Optional.ofNullable(reschedule());
    }

    /**
     * Replaces the rules, superuser flag and expiry with those of a fresh credential, and moves the
     * expiry timer (if {@link #scheduleExpiry} was called and not cancelled) to the new expiry.
     */
    public void renew(AuthDecision.Allow allow) {
        grant = Grant.of(allow);
        if (onExpiry != null) {
            reschedule();
        }
    }

    /** Stops the expiry timer for good: the connection ended. */
    public void cancelExpiry() {
        onExpiry = null;
        cancelTimer();
    }

    private ScheduledFuture<?> reschedule() {
        cancelTimer();
        Instant expiresAt = grant.expiresAt();
        if (expiresAt == null) {
            return null;
        }
        long delayMillis = Math.max(0, Duration.between(clock.instant(), expiresAt).toMillis());
        expiry = scheduler.schedule(onExpiry, delayMillis, TimeUnit.MILLISECONDS);
        return expiry;
    }

    private void cancelTimer() {
        if (expiry != null) {
            expiry.cancel(false);
            expiry = null;
        }
    }
}
