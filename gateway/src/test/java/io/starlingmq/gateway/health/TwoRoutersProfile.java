package io.starlingmq.gateway.health;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** A gateway of its own with two routers, without the single test router every other test shares. */
public final class TwoRoutersProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(TwoRoutersResource.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
