package io.starlingmq.router.session;

import io.quarkus.runtime.ShutdownEvent;
import io.starlingmq.router.config.RouterConfig;
import io.starlingmq.router.sweep.PeriodicSweep;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

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

    private PeriodicSweep sweep;

    public void start() {
        sweep = new PeriodicSweep(vertx, "will sweep", config.willSweep(), () -> wills.publishDue(System.currentTimeMillis())
                .invoke(published -> {
                    if (published > 0) {
                        LOG.debugf("%d delayed wills published", published);
                    }
                }));
        sweep.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (sweep != null) {
            sweep.stop();
        }
    }
}
