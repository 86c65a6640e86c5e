package io.starlingmq.router.startup;

import io.starlingmq.router.banned.BannedClients;
import io.starlingmq.router.events.MessageMapping;
import io.starlingmq.router.index.RetainedIndex;
import io.starlingmq.router.index.SessionDirectory;
import io.starlingmq.router.index.SubscriptionIndex;
import io.starlingmq.store.Change;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Applies changes made by other routers to this router's indexes. Every change sets or removes a value,
 * so applying one twice (a snapshot that already held it, a replayed feed entry) changes nothing.
 */
@Startup
@ApplicationScoped
public class ChangeFollower {

    private static final Logger LOG = Logger.getLogger(ChangeFollower.class);

    @Inject
    SubscriptionIndex index;
    @Inject
    SessionDirectory directory;
    @Inject
    RetainedIndex retained;
    @Inject
    BannedClients banned;
    @Inject
    MeterRegistry meters;

    private Counter applied;

    /** At start (the bean is made then), so the counter is exported before the first change arrives. */
    @PostConstruct
    void meters() {
        applied = Counter.builder("starling.store.changes.applied")
                .description("Changes of other routers applied from the store's change feed").register(meters);
    }

    /** A change read from the feed: counted, then applied. */
    public void followed(Change change) {
        applied.increment();
        apply(change);
    }

    public void apply(Change change) {
        try {
            switch (change) {
                case Change.SubscriptionAdded added -> index.add(added.clientId(), added.subscription());
                case Change.SubscriptionRemoved removed -> index.remove(removed.clientId(), removed.filter());
                case Change.SessionOnline online ->
                        directory.put(online.clientId(), online.holder(), online.persistent(), online.info());
                case Change.SessionOffline offline -> {
                    if (offline.ended()) {
                        index.removeAll(offline.clientId());
                        directory.remove(offline.clientId());
                    } else {
                        directory.offline(offline.clientId(), System.currentTimeMillis());
                    }
                }
                case Change.RetainedSet set -> retained.set(MessageMapping.toMessage(set.message()));
                case Change.RetainedCleared cleared -> retained.clear(cleared.topic());
                case Change.BanAdded added -> banned.banned(added.ban());
                case Change.BanRemoved removed -> banned.lifted(removed.kind(), removed.who());
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "applying change %s failed", change);
        }
    }
}
