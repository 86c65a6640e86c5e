package io.starlingmq.router.store;

import io.quarkus.runtime.ShutdownEvent;
import io.starlingmq.router.config.RouterConfig;
import io.starlingmq.router.session.Wills;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicBoolean;

/** Periodically publishes the wills whose delay passed; any router may take any due will. */
@ApplicationScoped
public class WillSweeper {

    private static final Logger LOG = Logger.getLogger(WillSweeper.class);

    @Inject
    Vertx vertx;
    @Inject
    Wills wills;
    @Inject
    RouterConfig config;

    private final AtomicBoolean sweeping = new AtomicBoolean();
    private volatile long timerId = -1;

    void start() {
        timerId = vertx.setPeriodic(Math.max(1, config.willSweep().toMillis()), id -> sweep());
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
        wills.publishDue(System.currentTimeMillis()).subscribe().with(published -> {
            if (published > 0) {
                LOG.debugf("%d delayed wills published", published);
            }
            sweeping.set(false);
        }, failure -> {
            LOG.warnf(failure, "will sweep failed");
            sweeping.set(false);
        });
    }
}
