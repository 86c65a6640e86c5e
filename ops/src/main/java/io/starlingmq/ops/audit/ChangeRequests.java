package io.starlingmq.ops.audit;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.starlingmq.ops.security.Caller;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Marks every request other than a read when it arrives, and records, once it was answered, the ones no resource
 * answered (an unknown path, a method the path has not): {@link AuditFilter} cannot see those. These are written
 * just after their answer. Unauthenticated requests are not recorded. The remote address is the connection's, or
 * the one a proxy forwarded only when {@code quarkus.http.proxy.proxy-address-forwarding} says to trust it.
 */
@ApplicationScoped
public class ChangeRequests {

    private static final String STARTED = ChangeRequests.class.getName() + ".started";
    private static final String TAKEN = ChangeRequests.class.getName() + ".taken";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    /** Before the handlers that answer; the priority is only among filters. */
    private static final int PRIORITY = 100;

    @Inject
    AuditLog log;

    void register(@Observes Filters filters) {
        filters.register(this::mark, PRIORITY);
    }

    private void mark(RoutingContext routing) {
        if (!READS.contains(routing.request().method().name())) {
            routing.put(STARTED, Instant.now());
            routing.addEndHandler(done -> {
                if (takeOver(routing) && routing.user() instanceof QuarkusHttpUser user) {
                    entry(routing, user.getSecurityIdentity(), routing.response().getStatusCode())
                            .ifPresent(entry -> log.record(entry).subscribe().with(ignored -> {
                            }));
                }
            });
        }
        routing.next();
    }

    /** Whether the caller is the first to record this change; false for reads and for a change already taken. */
    static boolean takeOver(RoutingContext routing) {
        if (routing == null || routing.get(STARTED) == null || routing.get(TAKEN) != null) {
            return false;
        }
        routing.put(TAKEN, Boolean.TRUE);
        return true;
    }

    /** The entry of an authenticated caller's change; empty for an anonymous one. */
    static Optional<AuditEntry> entry(RoutingContext routing, SecurityIdentity identity, int status) {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        Instant started = routing.get(STARTED);
        long durationMs = Math.max(0, Instant.now().toEpochMilli() - started.toEpochMilli());
        Caller caller = Caller.of(identity);
        SocketAddress remote = routing.request().remoteAddress();
        return Optional.of(new AuditEntry(started, caller.name(), caller.from(), remote == null ? "" : remote.hostAddress(),
                routing.request().method().name().toLowerCase(Locale.ROOT), routing.request().path(), status, durationMs));
    }
}
