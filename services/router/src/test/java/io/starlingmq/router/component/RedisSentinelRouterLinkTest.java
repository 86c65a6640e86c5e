package io.starlingmq.router.component;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The link contract against a real Sentinel-managed Redis. */
@QuarkusTest
@TestProfile(RedisSentinelStoreProfile.class)
class RedisSentinelRouterLinkTest extends RouterLinkContract {
}
