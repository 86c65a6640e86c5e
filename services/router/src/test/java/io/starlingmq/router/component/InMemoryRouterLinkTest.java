package io.starlingmq.router.component;

import io.quarkus.test.junit.QuarkusTest;

/** The link contract against the embedded in-memory store (the default configuration). */
@QuarkusTest
class InMemoryRouterLinkTest extends RouterLinkContract {
}
