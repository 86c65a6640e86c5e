package io.starlingmq.router.component;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;

/** Runs the application with the Redis session store on a real Redis Cluster, writes waiting for a replica. */
public class RedisClusterStoreProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RedisClusterResource.class));
    }
}
