package io.starlingmq.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RouterProcess.class, restrictToAnnotatedClass = false)
class ClientsResourceTest {

    @Test
    void kickingAClientWithNoLiveConnectionAnswers404InEmqxShape() {
        given().auth().preemptive().basic(RouterProcess.ADMIN_KEY, RouterProcess.ADMIN_SECRET)
                .when().delete("/api/v5/clients/nobody-here")
                .then().statusCode(404)
                .body("code", equalTo("CLIENTID_NOT_FOUND"))
                .body("message", equalTo("Client ID not found"));
    }

    @Test
    void aClientWithNoSessionAndItsSubscriptionsAre404() {
        given().auth().preemptive().basic(RouterProcess.VIEWER_KEY, RouterProcess.VIEWER_SECRET)
                .when().get("/api/v5/clients/nobody-here")
                .then().statusCode(404)
                .body("code", equalTo("CLIENTID_NOT_FOUND"));
        given().auth().preemptive().basic(RouterProcess.VIEWER_KEY, RouterProcess.VIEWER_SECRET)
                .when().get("/api/v5/clients/nobody-here/subscriptions")
                .then().statusCode(404)
                .body("code", equalTo("CLIENTID_NOT_FOUND"));
    }

    @Test
    void aViewerMayNotKickA403() {
        given().auth().preemptive().basic(RouterProcess.VIEWER_KEY, RouterProcess.VIEWER_SECRET)
                .when().delete("/api/v5/clients/anyone")
                .then().statusCode(403);
    }

    @Test
    void withoutCredentialsAKickIsRefusedWith401() {
        given().when().delete("/api/v5/clients/anyone").then().statusCode(401);
    }
}
