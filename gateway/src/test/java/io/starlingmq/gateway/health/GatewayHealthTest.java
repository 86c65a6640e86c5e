package io.starlingmq.gateway.health;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The gateway's probes with two routers of which one runs at first: started and ready once one is linked (a
 * listed router may not run yet; client ids map to the linked ones), still ready while one is, so a router's
 * restart does not take the gateway out of its load balancer, and not ready with none.
 */
@QuarkusTest
@TestProfile(TwoRoutersProfile.class)
class GatewayHealthTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    TwoRoutersResource.Routers routers;

    @Test
    void startedAndReadyNeedOneRouterLinked() throws Exception {
        await().atMost(WAIT).untilAsserted(() -> status("/q/health/ready", 200)
                .body("checks[0].data.routersUp", equalTo(1)));
        status("/q/health/started", 200).body("checks[0].data.routers", equalTo(2))
                .body("checks[0].data.routersUp", equalTo(1));

        routers.startSecond();
        await().atMost(WAIT).untilAsserted(() -> status("/q/health/ready", 200)
                .body("checks[0].data.routersUp", equalTo(2)));

        routers.stopFirst();
        await().atMost(WAIT).untilAsserted(() -> status("/q/health/ready", 200)
                .body("checks[0].data.routersUp", equalTo(1)));
        status("/q/health/started", 200);

        routers.stopSecond();
        await().atMost(WAIT).untilAsserted(() -> status("/q/health/ready", 503)
                .body("checks[0].data.routersUp", equalTo(0)));
    }

    private static ValidatableResponse status(String path, int expected) {
        return given().when().get(path).then().statusCode(expected);
    }
}
