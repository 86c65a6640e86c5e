package io.starlingmq.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RouterProcess.class, restrictToAnnotatedClass = false)
class SubscriptionsResourceTest {

    @Test
    void subscriptionsAndTopicsAnswerInEmqxShape() {
        viewer().when().get("/api/v5/subscriptions?limit=10")
                .then().statusCode(200)
                .body("data", hasSize(0))
                .body("meta.page", equalTo(1))
                .body("meta.limit", equalTo(10))
                .body("meta.count", equalTo(0))
                .body("meta.hasnext", equalTo(false));
        viewer().when().get("/api/v5/topics")
                .then().statusCode(200)
                .body("data", hasSize(0))
                .body("meta.count", equalTo(0));
    }

    @Test
    void aFilteredSubscriptionListingIsNotCounted() {
        viewer().when().get("/api/v5/subscriptions?match_topic=t/%23&qos=1")
                .then().statusCode(200)
                .body("meta.containsKey('count')", equalTo(false));
    }

    @Test
    void badListingParametersAre400NamingTheParameter() {
        viewer().when().get("/api/v5/subscriptions?qos=3")
                .then().statusCode(400).body("message", startsWith("qos:"));
        viewer().when().get("/api/v5/topics?limit=0")
                .then().statusCode(400).body("message", startsWith("limit:"));
    }

    @Test
    void subscribingAClientWithNoSessionIs404() {
        admin().body("{\"topic\":\"a/b\",\"qos\":1}").when().post("/api/v5/clients/nobody-here/subscribe")
                .then().statusCode(404)
                .body("code", equalTo("CLIENTID_NOT_FOUND"));
        admin().body("{\"topic\":\"a/b\"}").when().post("/api/v5/clients/nobody-here/unsubscribe")
                .then().statusCode(404)
                .body("code", equalTo("CLIENTID_NOT_FOUND"));
    }

    @Test
    void badSubscribeBodiesAre400NamingTheField() {
        admin().body("{\"qos\":1}").when().post("/api/v5/clients/anyone/subscribe")
                .then().statusCode(400).body("message", startsWith("topic:"));
        admin().body("{\"topic\":\"a\",\"qos\":3}").when().post("/api/v5/clients/anyone/subscribe")
                .then().statusCode(400).body("message", startsWith("qos:"));
        admin().body("[{\"topic\":\"a\"},{\"topic\":\"b\",\"rh\":7}]").when().post("/api/v5/clients/anyone/subscribe/bulk")
                .then().statusCode(400).body("message", startsWith("[1].rh:"));
    }

    @Test
    void aViewerMayNotSubscribeAClient() {
        viewer().body("{\"topic\":\"a\"}").when().post("/api/v5/clients/anyone/subscribe").then().statusCode(403);
    }

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic(RouterProcess.ADMIN_KEY, RouterProcess.ADMIN_SECRET)
                .contentType("application/json");
    }

    private static RequestSpecification viewer() {
        return given().auth().preemptive().basic(RouterProcess.VIEWER_KEY, RouterProcess.VIEWER_SECRET)
                .contentType("application/json");
    }
}
