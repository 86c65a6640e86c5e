package io.starlingmq.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RouterProcess.class, restrictToAnnotatedClass = false)
class MetricsResourceTest {

    @Test
    void aPublishThroughTheApiCountsAsReceivedByTheRouterThatRoutedIt() {
        long before = received();
        given().auth().preemptive().basic(RouterProcess.ADMIN_KEY, RouterProcess.ADMIN_SECRET)
                .contentType(ContentType.JSON).body("{\"topic\":\"ops/metrics\",\"payload\":\"x\"}")
                .when().post("/api/v5/publish").then().statusCode(202);
        assertThat(received()).isEqualTo(before + 1);
    }

    @Test
    void perRouterCountersCarryTheirNode() {
        given().auth().preemptive().basic(RouterProcess.VIEWER_KEY, RouterProcess.VIEWER_SECRET)
                .when().get("/api/v5/metrics")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].node", equalTo("127.0.0.1:" + RouterProcess.routerPort))
                .body("[0].'messages.dropped'", equalTo(0));
    }

    private static long received() {
        return given().auth().preemptive().basic(RouterProcess.VIEWER_KEY, RouterProcess.VIEWER_SECRET)
                .queryParam("aggregate", true)
                .when().get("/api/v5/metrics")
                .then().statusCode(200)
                .extract().jsonPath().getLong("'messages.received'");
    }
}
