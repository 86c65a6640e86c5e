package io.starlingmq.router.component;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The link contract against a real Redis Cluster, writes waiting for a replica. */
@QuarkusTest
@TestProfile(RedisClusterStoreProfile.class)
class RedisClusterRouterLinkTest extends RouterLinkContract {
}
