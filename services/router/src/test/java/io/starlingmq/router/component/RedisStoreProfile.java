package io.starlingmq.router.component;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;

/** Runs the application with the Redis session store on a real redis-server. */
public class RedisStoreProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RedisServerResource.class));
    }
}
