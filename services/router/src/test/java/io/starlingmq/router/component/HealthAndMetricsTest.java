package io.starlingmq.router.component;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class HealthAndMetricsTest {

    @Test
    void readinessIsUpOnceTheIndexesAreLoaded() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem("starling-router-indexes"));
    }

    @Test
    void prometheusEndpointExposesTheRouterMeters() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("starling_router_messages_routed_total"))
                .body(containsString("starling_router_messages_delivered_total"))
                .body(containsString("starling_router_messages_dropped_total"))
                .body(containsString("starling_router_sessions_online"))
                .body(containsString("starling_router_gateway_streams"));
    }
}
