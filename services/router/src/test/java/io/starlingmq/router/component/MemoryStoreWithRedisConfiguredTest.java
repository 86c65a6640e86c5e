package io.starlingmq.router.component;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.starlingmq.router.testsupport.TestGateway;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static io.starlingmq.router.testsupport.TestGateway.open;
import static io.starlingmq.router.testsupport.TestGateway.publish;
import static io.starlingmq.router.testsupport.TestGateway.publishDone;
import static io.starlingmq.router.testsupport.TestGateway.sessionOpened;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** With store=memory the router never connects to Redis, even when a Redis address is configured. */
@QuarkusTest
@TestProfile(MemoryStoreWithRedisConfiguredTest.Profile.class)
class MemoryStoreWithRedisConfiguredTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RedisTrapResource.class));
        }
    }

    @Test
    void theInMemoryStoreServesWithoutAnyRedisConnection() throws InterruptedException {
        try (TestGateway gateway = new TestGateway("gw-memory")) {
            gateway.send(open(1, "memory-client", true, 0));
            gateway.take(sessionOpened(1));
            gateway.send(publish(1, "memory-client", 1, "memory/topic", "x", 1, false));
            gateway.take(publishDone(1, 1));
        }
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

        assertThat(RedisTrapResource.CONNECTIONS).hasValue(0);
    }
}
