package io.starlingmq.router.session;

import io.quarkus.runtime.ShutdownEvent;
import io.starlingmq.router.config.RouterConfig;
import io.starlingmq.router.sweep.PeriodicSweep;
import io.starlingmq.store.SessionStore;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

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
    @Inject
    RouterMetrics metrics;

    private PeriodicSweep sweep;

    public void start() {
        sweep = new PeriodicSweep(vertx, "expiry sweep", config.expirySweep(), () -> store.expireDue(System.currentTimeMillis())
                .call(expired -> {
                    if (!expired.isEmpty()) {
                        LOG.debugf("%d sessions expired", expired.size());
                        metrics.sessionsExpired(expired.size());
                    }
                    return lifecycle.expired(expired);
                }));
        sweep.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (sweep != null) {
            sweep.stop();
        }
    }
}
