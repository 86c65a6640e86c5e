package io.starlingmq.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RouterProcess.class, restrictToAnnotatedClass = false)
class DelayedResourceTest {

    @Test
    void anEmptyScheduleAnswersInEmqxShape() {
        given().auth().preemptive().basic(RouterProcess.VIEWER_KEY, RouterProcess.VIEWER_SECRET)
                .when().get("/api/v5/mqtt/delayed/messages?limit=20")
                .then().statusCode(200)
                .body("data", hasSize(0))
                .body("meta.page", equalTo(1))
                .body("meta.limit", equalTo(20))
                .body("meta.count", equalTo(0))
                .body("meta.hasnext", equalTo(false));
    }

    @Test
    void anUnknownDelayedMessageIs404() {
        given().auth().preemptive().basic(RouterProcess.VIEWER_KEY, RouterProcess.VIEWER_SECRET)
                .when().get("/api/v5/mqtt/delayed/messages/00000000000000000042")
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().auth().preemptive().basic(RouterProcess.ADMIN_KEY, RouterProcess.ADMIN_SECRET)
                .when().delete("/api/v5/mqtt/delayed/messages/00000000000000000042")
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void aViewerMayNotDeleteAndABadPageIs400() {
        given().auth().preemptive().basic(RouterProcess.VIEWER_KEY, RouterProcess.VIEWER_SECRET)
                .when().delete("/api/v5/mqtt/delayed/messages/1").then().statusCode(403);
        given().auth().preemptive().basic(RouterProcess.VIEWER_KEY, RouterProcess.VIEWER_SECRET)
                .when().get("/api/v5/mqtt/delayed/messages?page=0")
                .then().statusCode(400).body("message", startsWith("page:"));
    }
}
