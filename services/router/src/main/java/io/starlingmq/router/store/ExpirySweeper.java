package io.starlingmq.router.store;

import io.quarkus.runtime.ShutdownEvent;
import io.starlingmq.router.config.RouterConfig;
import io.starlingmq.router.session.SessionLifecycle;
import io.starlingmq.store.SessionStore;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicBoolean;

/** Periodically removes offline sessions whose expiry passed, from the store and then the indexes. */
@ApplicationScoped
public class ExpirySweeper {

    private static final Logger LOG = Logger.getLogger(ExpirySweeper.class);

    @Inject
    Vertx vertx;
    @Inject
    SessionStore store;
    @Inject
    SessionLifecycle lifecycle;
    @Inject
    RouterConfig config;

    private final AtomicBoolean sweeping = new AtomicBoolean();
    private volatile long timerId = -1;

    void start() {
        timerId = vertx.setPeriodic(Math.max(1, config.expirySweep().toMillis()), id -> sweep());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** One sweep; skipped while the previous one is still running. */
    void sweep() {
        if (!sweeping.compareAndSet(false, true)) {
            return;
        }
        store.expireDue(System.currentTimeMillis()).subscribe().with(expired -> {
            if (!expired.isEmpty()) {
                LOG.debugf("%d sessions expired", expired.size());
                lifecycle.ended(expired);
            }
            sweeping.set(false);
        }, failure -> {
            LOG.warnf(failure, "expiry sweep failed");
            sweeping.set(false);
        });
    }
}
