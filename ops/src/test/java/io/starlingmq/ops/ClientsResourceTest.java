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
class ClientsResourceTest {

    @Test
    void anEmptyListingHasEmqxMetaWithItsCount() {
        given().auth().preemptive().basic(RouterProcess.VIEWER_KEY, RouterProcess.VIEWER_SECRET)
                .when().get("/api/v5/clients?limit=5")
                .then().statusCode(200)
                .body("data", hasSize(0))
                .body("meta.page", equalTo(1))
                .body("meta.limit", equalTo(5))
                .body("meta.count", equalTo(0))
                .body("meta.hasnext", equalTo(false));
    }

    @Test
    void aFilteredOrCursorListingIsNotCountedAndHasNoPageNumber() {
        given().auth().preemptive().basic(RouterProcess.VIEWER_KEY, RouterProcess.VIEWER_SECRET)
                .when().get("/api/v5/clients?cursor=&like_clientid=x")
                .then().statusCode(200)
                .body("meta.containsKey('count')", equalTo(false))
                .body("meta.containsKey('page')", equalTo(false))
                .body("meta.containsKey('cursor')", equalTo(false));
    }

    @Test
    void badListingParametersAre400NamingTheParameter() {
        for (String query : new String[] {"page=0", "limit=0", "limit=10001", "conn_state=idle", "proto_ver=6"}) {
            String parameter = query.substring(0, query.indexOf('='));
            given().auth().preemptive().basic(RouterProcess.VIEWER_KEY, RouterProcess.VIEWER_SECRET)
                    .when().get("/api/v5/clients?" + query)
                    .then().statusCode(400)
                    .body("code", equalTo("BAD_REQUEST"))
                    .body("message", startsWith(parameter + ":"));
        }
    }

    @Test
    void theQueueAndInflightOfNoSessionAre404AndABadPositionIs400() {
        for (String path : new String[] {"mqueue_messages", "inflight_messages"}) {
            given().auth().preemptive().basic(RouterProcess.VIEWER_KEY, RouterProcess.VIEWER_SECRET)
                    .when().get("/api/v5/clients/nobody-here/" + path)
                    .then().statusCode(404).body("code", equalTo("CLIENTID_NOT_FOUND"));
            given().auth().preemptive().basic(RouterProcess.VIEWER_KEY, RouterProcess.VIEWER_SECRET)
                    .when().get("/api/v5/clients/anyone/" + path + "?position=abc")
                    .then().statusCode(400).body("message", startsWith("position:"));
        }
    }

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
