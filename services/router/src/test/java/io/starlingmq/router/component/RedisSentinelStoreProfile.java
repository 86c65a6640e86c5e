package io.starlingmq.router.component;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;

/** Runs the application with the Redis session store on a real Sentinel-managed Redis. */
public class RedisSentinelStoreProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RedisSentinelResource.class));
    }
}
