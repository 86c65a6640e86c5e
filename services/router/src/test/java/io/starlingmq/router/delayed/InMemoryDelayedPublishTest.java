package io.starlingmq.router.delayed;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.starlingmq.router.sys.FastSweepProfile;

/** Delayed publish with the embedded in-memory store. */
@QuarkusTest
@TestProfile(FastSweepProfile.class)
class InMemoryDelayedPublishTest extends DelayedPublishContract {
}
