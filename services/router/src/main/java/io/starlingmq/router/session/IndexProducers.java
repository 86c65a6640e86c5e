package io.starlingmq.router.session;

import io.starlingmq.router.index.RetainedIndex;
import io.starlingmq.router.index.SessionDirectory;
import io.starlingmq.router.index.SubscriptionIndex;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One instance of each index per router; the index classes stay free of CDI for unit tests. */
public class IndexProducers {

    @Produces
    @Singleton
    SubscriptionIndex subscriptionIndex() {
        return new SubscriptionIndex();
    }

    @Produces
    @Singleton
    SessionDirectory sessionDirectory() {
        return new SessionDirectory();
    }

    @Produces
    @Singleton
    RetainedIndex retainedIndex() {
        return new RetainedIndex();
    }
}
