package io.starlingmq.router.component;

import io.quarkus.test.junit.QuarkusTest;

/** Subscription options, overlaps, expiry and quota against the embedded in-memory store. */
@QuarkusTest
class InMemorySubscriptionOptionsTest extends SubscriptionOptionsContract {
}
