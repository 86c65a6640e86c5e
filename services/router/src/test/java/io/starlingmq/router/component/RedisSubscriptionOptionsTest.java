package io.starlingmq.router.component;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Subscription options, overlaps, expiry and quota against a real redis-server. */
@QuarkusTest
@TestProfile(RedisStoreProfile.class)
class RedisSubscriptionOptionsTest extends SubscriptionOptionsContract {
}
