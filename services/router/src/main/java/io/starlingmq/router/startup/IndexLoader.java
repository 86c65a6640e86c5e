package io.starlingmq.router.startup;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.starlingmq.router.banned.BannedClients;
import io.starlingmq.router.config.RouterConfig;
import io.starlingmq.router.index.RouterReadiness;
import io.starlingmq.router.session.ExpirySweeper;
import io.starlingmq.router.session.WillSweeper;
import io.starlingmq.store.Change;
import io.starlingmq.store.SessionStore;
import io.starlingmq.store.Snapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * At start: reads the store's snapshot into the indexes, then follows the change feed from where the
 * snapshot stood. Startup fails if the store cannot be reached.
 */
@ApplicationScoped
public class IndexLoader {

    private static final Logger LOG = Logger.getLogger(IndexLoader.class);

    @Inject
    SessionStore store;
    @Inject
    ChangeFollower follower;
    @Inject
    RouterReadiness readiness;
    @Inject
    ExpirySweeper sweeper;
    @Inject
    WillSweeper willSweeper;
    @Inject
    RouterConfig config;
    @Inject
    BannedClients banned;

    void onStart(@Observes StartupEvent event) {
        Snapshot snapshot = store.snapshot().await().atMost(config.startTimeout());
        snapshot.sessions().forEach(follower::apply);
        snapshot.subscriptions().forEach(follower::apply);
        snapshot.retained().forEach(message -> follower.apply(new Change.RetainedSet(message)));
        snapshot.bans().forEach(ban -> follower.apply(new Change.BanAdded(ban)));
        store.follow(snapshot.cursor(), follower::followed);
        sweeper.start();
        willSweeper.start();
        banned.startSweep();
        readiness.ready();
        LOG.infof("indexes loaded: %d sessions, %d subscriptions, %d retained messages, %d bans",
                snapshot.sessions().size(), snapshot.subscriptions().size(), snapshot.retained().size(),
                snapshot.bans().size());
    }

    /** Stops following the change feed before Quarkus closes the Redis client underneath it. */
    void onStop(@Observes ShutdownEvent event) {
        store.close();
    }
}
