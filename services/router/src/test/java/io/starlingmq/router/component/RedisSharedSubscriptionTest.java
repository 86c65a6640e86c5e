package io.starlingmq.router.component;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Shared subscriptions against a real redis-server. */
@QuarkusTest
@TestProfile(RedisStoreProfile.class)
class RedisSharedSubscriptionTest extends SharedSubscriptionContract {
}
