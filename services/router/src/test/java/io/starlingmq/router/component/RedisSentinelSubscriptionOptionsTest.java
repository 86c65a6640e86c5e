package io.starlingmq.router.component;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Subscription options, overlaps, expiry and quota against a real Sentinel-managed Redis. */
@QuarkusTest
@TestProfile(RedisSentinelStoreProfile.class)
class RedisSentinelSubscriptionOptionsTest extends SubscriptionOptionsContract {
}
