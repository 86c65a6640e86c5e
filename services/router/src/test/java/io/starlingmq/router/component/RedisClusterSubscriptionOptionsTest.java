package io.starlingmq.router.component;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Subscription options, overlaps, expiry and quota against a real Redis Cluster, writes waiting for a replica. */
@QuarkusTest
@TestProfile(RedisClusterStoreProfile.class)
class RedisClusterSubscriptionOptionsTest extends SubscriptionOptionsContract {
}
