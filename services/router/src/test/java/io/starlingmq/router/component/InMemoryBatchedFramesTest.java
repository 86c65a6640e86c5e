package io.starlingmq.router.component;

import io.quarkus.test.junit.QuarkusTest;

/** The batching contract against the embedded in-memory store. */
@QuarkusTest
class InMemoryBatchedFramesTest extends BatchedFramesContract {
}
