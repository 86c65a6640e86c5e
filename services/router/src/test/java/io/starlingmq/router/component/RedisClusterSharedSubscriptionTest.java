package io.starlingmq.router.component;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Shared subscriptions against a real Redis Cluster, writes waiting for a replica. */
@QuarkusTest
@TestProfile(RedisClusterStoreProfile.class)
class RedisClusterSharedSubscriptionTest extends SharedSubscriptionContract {
}
