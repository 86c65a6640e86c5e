package io.starlingmq.router.component;

import io.quarkus.test.junit.QuarkusTest;

/** Shared subscriptions against the embedded in-memory store. */
@QuarkusTest
class InMemorySharedSubscriptionTest extends SharedSubscriptionContract {
}
