package io.starlingmq.router.component;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The batching contract against a real redis-server. */
@QuarkusTest
@TestProfile(RedisStoreProfile.class)
class RedisBatchedFramesTest extends BatchedFramesContract {
}
