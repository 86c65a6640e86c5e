package io.starlingmq.router.component;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Shared subscriptions against a real Sentinel-managed Redis. */
@QuarkusTest
@TestProfile(RedisSentinelStoreProfile.class)
class RedisSentinelSharedSubscriptionTest extends SharedSubscriptionContract {
}
