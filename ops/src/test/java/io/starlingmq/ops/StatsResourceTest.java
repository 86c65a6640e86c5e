package io.starlingmq.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RouterProcess.class, restrictToAnnotatedClass = false)
class StatsResourceTest {

    @Test
    void perRouterCountsCarryEmqxsDottedNamesAndTheAnsweringRouter() {
        given().auth().preemptive().basic(RouterProcess.VIEWER_KEY, RouterProcess.VIEWER_SECRET)
                .when().get("/api/v5/stats")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].node", equalTo("127.0.0.1:" + RouterProcess.routerPort))
                .body("[0].'connections.count'", equalTo(0))
                .body("[0].'sessions.count'", equalTo(0))
                .body("[0].'gateways.count'", equalTo(0));
    }

    @Test
    void aggregateIsOneObjectWithoutANode() {
        given().auth().preemptive().basic(RouterProcess.VIEWER_KEY, RouterProcess.VIEWER_SECRET)
                .queryParam("aggregate", true)
                .when().get("/api/v5/stats")
                .then().statusCode(200)
                .body("'subscriptions.count'", equalTo(0))
                .body("'retained.count'", equalTo(0))
                .body("node", equalTo(null));
    }

    @Test
    void withoutCredentialsTheStatsAreRefusedWith401() {
        given().when().get("/api/v5/stats").then().statusCode(401);
    }
}
